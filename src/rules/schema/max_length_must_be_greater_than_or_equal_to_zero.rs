use super::*;

bound_rule!(
    MAX_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MaxLengthMustBeGreaterThanOrEqualToZero",
    "`maxLength` is negative",
    "A string length cannot be negative.",
    |cx, sink| non_negative(sink, cx, "maxLength")
);
