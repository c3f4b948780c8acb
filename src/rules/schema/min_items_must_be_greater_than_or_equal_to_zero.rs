use super::*;

bound_rule!(
    MIN_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MinItemsMustBeGreaterThanOrEqualToZero",
    "`minItems` is negative",
    "A count of array items cannot be negative; use 0 (or remove the key) for no minimum.",
    |cx, sink| non_negative(sink, cx, "minItems")
);
