//! Policy templates (`policyTemplateInstances` in apiProperties.json): what Microsoft
//! documents about each template ([`catalog`]), their expressions parsed ([`expr`]), and a
//! simulator that rewrites a request and a response as the platform does ([`Policies`]).
//! Nothing here sends anything.
//!
//! Layer: depends on [`crate::model`] (the definition, [`crate::model::request`]) and
//! nothing above it; the lint rules (`rules::properties`), the language server, and the
//! `request` and `test` sessions of [`crate::app`] use it.
//!
//! # API
//! ```text
//! model::request::build(&swagger, &operation, &Inputs{params, headers}) -> Result<Request, BuildError>
//! model::request::apply_security(root, &connections, &mut request) -> Vec<String>   // notes
//! let policies = Policies::from_properties(connector.properties_value());
//! policies.for_operation(Some("GetItem")) -> Vec<&Instance>          // array order
//! policies.apply_request(Some("GetItem"), &mut request, &connections) -> Result<Outcome, PolicyError>
//! policies.apply_response(Some("GetItem"), &request, &mut response, &connections) -> Result<Outcome, PolicyError>
//! ```
//! - [`Policies::apply_request`] runs, in array order, every instance whose
//!   `x-ms-apimTemplate-operationName` names the operation (or that names none) and whose
//!   section is `Request`: setheader, setqueryparameter, dynamichosturl (replaces scheme,
//!   host and basePath), routerequesttoendpoint (replaces the path below basePath, `{name}`
//!   being the operation's path parameter, and the method unless `@Request.OriginalHTTPMethod`),
//!   and the body templates (setproperty, convertarraytoobject, convertobjecttoarray,
//!   stringtoarray, stringreplace). Expressions read the request as the earlier policies left
//!   it, and the connection parameters given.
//! - [`Policies::apply_response`] runs the `Response`-section instances on a [`Response`]
//!   (setheader, the body templates); updatenextlink is listed, not simulated.
//! - Each instance targeting the operation gives one [`Applied`] (in array order, both
//!   sections): `applied` is false with a `note` for what is not simulated (setvaluefromurl
//!   would call another URL, pollingtrigger, encodepropertyvalue, the Failure section, the
//!   internal templates) or not reached (a response policy without a response).
//! - A connection parameter an expression needs and nobody gave, or an expression that does
//!   not parse, is a [`PolicyError`] naming the instance.

pub(crate) mod body;
pub(crate) mod catalog;
pub(crate) mod expr;
mod simulate;

use serde_json::{Map, Value};

pub(crate) use crate::model::request::{Request, Response};
pub(crate) use catalog::{Section, Template};

/// One entry of `policyTemplateInstances`.
#[derive(Debug, Clone)]
pub(crate) struct Instance<'a> {
    /// `/properties/policyTemplateInstances/3`
    pub(crate) pointer: String,
    /// `templateId` as written (empty when absent).
    pub(crate) template_id: &'a str,
    /// The template it names (any case), documented or internal.
    pub(crate) template: Option<&'static Template>,
    pub(crate) title: &'a str,
    pub(crate) parameters: Option<&'a Map<String, Value>>,
    /// `x-ms-apimTemplate-operationName` (a lone string counts as a list of one); `None`:
    /// every operation (also for an empty list).
    pub(crate) operations: Option<Vec<&'a str>>,
    /// The section it runs in (`Request` when not given or not understood).
    pub(crate) section: Section,
}

impl<'a> Instance<'a> {
    fn read(index: usize, v: &'a Value) -> Instance<'a> {
        let template_id = v
            .get("templateId")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let parameters = v.get("parameters").and_then(Value::as_object);
        let operations = parameters
            .and_then(|p| p.get(catalog::OPERATION_NAME))
            .and_then(|o| match o {
                // An empty list names no operation: every operation, as when absent (a
                // merged connector relies on it).
                Value::Array(a) if a.is_empty() => None,
                Value::Array(a) => Some(a.iter().filter_map(Value::as_str).collect()),
                Value::String(s) => Some(vec![s.as_str()]),
                _ => None,
            });
        let template = catalog::find(template_id);
        let section = parameters
            .and_then(|p| p.get(catalog::POLICY_SECTION))
            .and_then(Value::as_str)
            .and_then(Section::parse)
            .unwrap_or(Section::Request);
        // updatenextlink rewrites the response whatever it says.
        let section = if template.is_some_and(|t| t.id == "updatenextlink") {
            Section::Response
        } else {
            section
        };
        Instance {
            pointer: format!("/properties/policyTemplateInstances/{index}"),
            template_id,
            template,
            title: v.get("title").and_then(Value::as_str).unwrap_or_default(),
            parameters,
            operations,
            section,
        }
    }

    /// Whether it applies to the operation with this id (an operation without an id gets
    /// only the instances that name no operation).
    pub(crate) fn applies_to(&self, operation_id: Option<&str>) -> bool {
        match (&self.operations, operation_id) {
            (None, _) => true,
            (Some(list), Some(id)) => list.contains(&id),
            (Some(_), None) => false,
        }
    }

    /// A template parameter by its short name (`value` for `x-ms-apimTemplateParameter.value`).
    pub(crate) fn param(&self, name: &str) -> Option<&'a Value> {
        let key = format!("{}{name}", catalog::PARAM_PREFIX);
        self.parameters?.get(&key)
    }

    /// A template parameter's text.
    pub(crate) fn param_str(&self, name: &str) -> Option<&'a str> {
        self.param(name).and_then(Value::as_str)
    }

    /// The pointer of a parameter key.
    pub(crate) fn param_pointer(&self, key: &str) -> String {
        crate::model::pointer::join(
            &crate::model::pointer::join(&self.pointer, "parameters"),
            key,
        )
    }
}

/// What one policy did to a request or a response.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub(crate) struct Applied {
    /// `templateId` as written.
    #[serde(rename = "templateId")]
    pub(crate) template_id: String,
    pub(crate) title: String,
    /// Where the instance is in apiProperties.json.
    pub(crate) pointer: String,
    pub(crate) section: Section,
    /// Whether connkit ran it (false: not simulated or not reached; see `note`).
    pub(crate) applied: bool,
    /// What it changed, one line each (`header X-Api-Version: 2`); empty when it ran and
    /// changed nothing.
    pub(crate) changes: Vec<String>,
    /// Why it did not run, or what the reader should know.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) note: Option<String>,
}

/// What applying the policies of one section gave.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Outcome {
    /// One entry per instance targeting the operation in that section, in array order.
    pub(crate) policies: Vec<Applied>,
    /// Notes on the evaluation (an absent header read as empty).
    pub(crate) notes: Vec<String>,
}

/// A policy that cannot be applied with what was given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("policy '{title}' ({template_id}, {pointer}): {error}")]
pub(crate) struct PolicyError {
    pub(crate) template_id: String,
    pub(crate) title: String,
    pub(crate) pointer: String,
    pub(crate) error: expr::EvalError,
}

/// The policy template instances of a connector.
#[derive(Debug, Clone, Default)]
pub(crate) struct Policies<'a> {
    pub(crate) instances: Vec<Instance<'a>>,
}

impl<'a> Policies<'a> {
    /// Read `properties.policyTemplateInstances` of a parsed apiProperties.json (none when
    /// the file, the key or the array is missing; entries that are not objects are skipped).
    pub(crate) fn from_properties(props: Option<&'a Value>) -> Policies<'a> {
        let instances = props
            .and_then(|p| p.get("properties"))
            .and_then(|p| p.get("policyTemplateInstances"))
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .enumerate()
                    .filter(|(_, v)| v.is_object())
                    .map(|(i, v)| Instance::read(i, v))
                    .collect()
            })
            .unwrap_or_default();
        Policies { instances }
    }

    /// The instances that apply to an operation, in array order.
    pub(crate) fn for_operation(&self, operation_id: Option<&str>) -> Vec<&Instance<'a>> {
        self.instances
            .iter()
            .filter(|i| i.applies_to(operation_id))
            .collect()
    }

    /// Apply the request-section policies of the operation to `req` (see the module docs).
    pub(crate) fn apply_request(
        &self,
        operation_id: Option<&str>,
        req: &mut Request,
        connections: &[(String, String)],
    ) -> Result<Outcome, PolicyError> {
        simulate::request(self, operation_id, req, connections)
    }

    /// Apply the response-section policies of the operation to `resp` (`req` is the request
    /// as sent, which `@headers` and `@queryParameters` read).
    pub(crate) fn apply_response(
        &self,
        operation_id: Option<&str>,
        req: &Request,
        resp: &mut Response,
        connections: &[(String, String)],
    ) -> Result<Outcome, PolicyError> {
        simulate::response(self, operation_id, req, resp, connections)
    }
}
