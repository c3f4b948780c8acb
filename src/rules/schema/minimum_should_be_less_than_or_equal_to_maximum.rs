use super::*;

bound_rule!(
    MINIMUM_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAXIMUM,
    "MinimumShouldBeLessThanOrEqualToMaximum",
    "`minimum` is greater than `maximum`",
    "With `minimum` above `maximum` no number is valid. Swap or fix the bounds.\n\nBad: \
`{\"minimum\": 10, \"maximum\": 1}`",
    |cx, sink| ordered(sink, cx, "minimum", "maximum")
);
