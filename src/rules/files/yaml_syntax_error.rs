use super::*;
use crate::rules::prelude::*;

crate::declare_code! {
    /// A YAML definition that cannot be parsed
    ///
    /// ### Why
    /// connkit accepts definitions written in YAML (and converts them for checking), but the text
    /// must be valid YAML. Note that the platform itself only takes JSON: convert before uploading.
    ///
    /// ### Example
    /// Bad: `info: {title: Contoso` (an unclosed flow mapping)
    /// Good: `info: {title: Contoso}`
    pub(crate) static YAML_SYNTAX_ERROR: Rule {
        code: "YamlSyntaxError",
        severity: Severity::Error,
        gate: Gate::Platform,
        file: FileKind::Definition,
        source: "https://yaml.org/spec/1.2.2/",
        check: load_issues,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Connector;
    use crate::rules::Profile;
    use crate::rules::testing::*;

    fn yaml(text: &str) -> Connector {
        Connector {
            display: "test".into(),
            single_file: true,
            definition: Some(data_file("apiDefinition.swagger.yaml", text.into())),
            ..Default::default()
        }
    }

    #[test]
    fn unclosed_flow_mapping() {
        let c = yaml("swagger: '2.0'\ninfo: {title: Contoso\n");
        let c_2 = yaml("swagger: '2.0'\ninfo: {title: Contoso}\n");
        Tester::new(
            &YAML_SYNTAX_ERROR,
            vec![(c_2, Profile::Custom)],
            vec![fail((c, Profile::Custom)).count(1)],
        )
        .test();
    }
}
