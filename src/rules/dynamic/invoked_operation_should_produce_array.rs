use super::*;

def_rule!(
    INVOKED_OPERATION_SHOULD_PRODUCE_ARRAY,
    "InvokedOperationShouldProduceArray",
    Warning,
    ALL,
    "A dynamic list's collection path is not an array in the invoked operation's response",
    "`value-collection` (dynamic values) and `itemsPath` (dynamic list) name the array of choices \
in the invoked operation's success response; without them the response itself must be an \
array.\n\nBad: response `{\"value\": [...]}` with no `value-collection`  Good: \
`\"value-collection\": \"value\"`.\n\nCalibration: 5 merged certified connectors have a \
collection path that their own response schema contradicts (Apptigent CloudTools and Tribal - \
SITS last changed in 2024). The designer reads the live response, so a wrong schema does not \
stop a working dropdown, and Microsoft does not block on it: connkit warns.",
    EXT,
    |cx, sink| {
        let mut once = Once::new(sink);
        for (arr, p, m) in produce_findings(cx) {
            if arr {
                once.emit(p, m);
            }
        }
    }
);
