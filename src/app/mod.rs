//! The application layer: what a command does, as a library the CLI (and anything else)
//! calls. Commands parse arguments in [`crate::cli`] and hand the work to a module here.

pub mod fix;
pub mod lint;
pub mod outputs;
pub mod preview;
pub mod progress;
pub mod request;
pub mod test;
