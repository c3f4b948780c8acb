use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// The folder has no apiProperties.json
    ///
    /// ### Why
    /// `apiProperties.json` carries the connection parameters, brand colour, publisher and policy
    /// templates. paconn and the certification pipeline require it next to the definition.
    ///
    /// ### Example
    /// Bad: a connector folder holding `apiDefinition.swagger.json` only
    /// Good: the same folder with `apiProperties.json` beside it
    pub(crate) static PROPERTIES_FILE_MISSING: Rule {
        code: "PropertiesFileMissing",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Properties,
        source: SRC_FILES,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    let c = cx.connector;
    if c.properties.is_none() && !c.single_file {
        sink.emit("", "no apiProperties.json in this connector folder");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn missing_files_only_in_folders() {
        let mut lone_file = connector_from(json!({"swagger": "2.0"}), None);
        lone_file.single_file = true;
        Tester::new(
            &PROPERTIES_FILE_MISSING,
            vec![
                lone_file,
                connector_from(json!({"swagger": "2.0"}), Some(json!({}))),
            ],
            vec![fail(connector_from(json!({"swagger": "2.0"}), None)).count(1)],
        )
        .test();
    }
}
