use super::*;

bound_rule!(
    MIN_LENGTH_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_LENGTH,
    "MinLengthShouldBeLessThanOrEqualToMaxLength",
    "`minLength` is greater than `maxLength`",
    "With `minLength` above `maxLength` no string is valid.",
    |cx, sink| ordered(sink, cx, "minLength", "maxLength")
);
