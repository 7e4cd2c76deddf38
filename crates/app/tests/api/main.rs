//! Black-box tests of the `sejour` application: the real router over HTTP on a fresh
//! database per test, and the real binary as a process. One binary keeps link times low.

mod admin;
mod architecture;
mod auth;
mod demo;
mod deposits;
mod helpers;
mod ledger;
mod openapi;
mod payments;
mod platform;
mod process;
mod properties;
mod reservations;
mod stripe;
