//! Overlapping paths. The enum, unique-array, paging and response-schema
//! codes of the same table live in `schema.rs`, which walks every schema object once.

use std::collections::HashMap;

use super::Rule;
use super::opkit::ops;

pub(crate) const RULES: &[&Rule] = &[&PARTIAL_DUPLICATE_OPERATION_PATH];
mod partial_duplicate_operation_path;

pub(crate) use partial_duplicate_operation_path::*;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;

    #[test]
    fn minimal_is_clean() {
        for r in RULES {
            assert!(run(r, minimal()).is_empty(), "{}", r.code);
        }
    }
}
