//! Uploading a certification package and submitting it through the Partner Center
//! Ingestion API v1.0 (see README "Submitting").
//!
//! - [`http`]: reqwest wrapper (timeouts, retries, HTTPS rule, redaction, `http::Secret`).
//! - `token`: Entra client-credentials tokens (v1/v2), cached in memory.
//! - [`upload`]: Put Blob through a SAS URL, SAS expiry check.
//! - `ingestion`: the submission sequence as a plan of steps.

pub mod http;
pub(crate) mod ingestion;
pub(crate) mod token;
pub mod upload;
