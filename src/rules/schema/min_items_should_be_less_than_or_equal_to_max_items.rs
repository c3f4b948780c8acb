use super::*;

bound_rule!(
    MIN_ITEMS_SHOULD_BE_LESS_THAN_OR_EQUAL_TO_MAX_ITEMS,
    "MinItemsShouldBeLessThanOrEqualToMaxItems",
    "`minItems` is greater than `maxItems`",
    "With `minItems` above `maxItems` no array is valid.",
    |cx, sink| ordered(sink, cx, "minItems", "maxItems")
);
