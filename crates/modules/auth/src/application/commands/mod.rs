//! Commands: one use case per file, named as the seed names them.

pub mod change_password;
pub mod create_admin;
pub mod login;
pub mod logout;
pub mod password_reset;
pub mod refresh;
pub mod register;
