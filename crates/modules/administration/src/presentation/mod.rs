//! The administration context's HTTP edge (axum handlers, OpenAPI): audit log search
//! and verification, dead-letter inspection and replay. Written separately.
