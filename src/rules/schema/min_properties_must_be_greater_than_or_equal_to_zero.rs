use super::*;

bound_rule!(
    MIN_PROPERTIES_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MinPropertiesMustBeGreaterThanOrEqualToZero",
    "`minProperties` is negative",
    "A count of object properties cannot be negative.",
    |cx, sink| non_negative(sink, cx, "minProperties")
);
