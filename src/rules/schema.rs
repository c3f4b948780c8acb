//! Schema-level rules (catalog §3.2, §3.3, §3.5, §3.6, §3.9).

use super::Rule;

pub const RULES: &[&Rule] = &[];
