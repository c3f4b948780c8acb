use super::*;
use crate::rules::prelude::*;

const PC: &str = "https://learn.microsoft.com/en-us/connectors/custom-connectors/paconn-cli";

crate::declare_code! {
    /// `iconBrandColor` is not a `#rrggbb` colour
    ///
    /// ### Why
    /// The brand colour fills the tile behind the icon. It must be a hex colour with a leading `#`
    /// and six digits; CSS names or three-digit shorthands are not understood.
    ///
    /// ### Example
    /// Bad: `"iconBrandColor": "blue"`
    /// Good: `"iconBrandColor": "#4b2e83"`
    pub(crate) static ICON_BRAND_COLOR_NOT_VALID: Rule {
        code: "IconBrandColorNotValid",
        severity: Severity::Error,
        gate: Gate::Pipeline,
        file: FileKind::Properties,
        source: PC,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    if let Some(c) = brand_color(cx)
        && !valid_hex_color(c.trim())
    {
        sink.emit(
            "/properties/iconBrandColor",
            format!("'{c}' is not a #rrggbb colour"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::*;
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn not_a_hex_colour() {
        let bad = |colour: &'static str| {
            fail((
                with_props(with(json!({"iconBrandColor": colour}))),
                Profile::Custom,
            ))
            .at(["/properties/iconBrandColor"])
            .then(move |f| {
                assert_eq!(f[0].message, format!("'{colour}' is not a #rrggbb colour"));
            })
        };
        Tester::new(
            &ICON_BRAND_COLOR_NOT_VALID,
            vec![(with_props(good_props()), Profile::Custom)],
            vec![bad("blue"), bad("#fff")],
        )
        .test();
    }
}
