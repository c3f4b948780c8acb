use super::*;

bound_rule!(
    MIN_LENGTH_MUST_BE_GREATER_THAN_OR_EQUAL_TO_ZERO,
    "MinLengthMustBeGreaterThanOrEqualToZero",
    "`minLength` is negative",
    "A string length cannot be negative; use 0 (or remove the key) for no minimum.",
    |cx, sink| non_negative(sink, cx, "minLength")
);
