use super::*;

bound_rule!(
    MAX_ITEMS_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MaxItemsMustBeGreaterThanOrEqualToZero",
    "`maxItems` is negative",
    "A count of array items cannot be negative.",
    |cx, sink| non_negative(sink, cx, "maxItems")
);
