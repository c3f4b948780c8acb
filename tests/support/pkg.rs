//! A certification package that `verify-package` accepts: the ContosoTasks example packaged
//! with a minimal flow solution that carries the same connector.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use connkit::package::build::{self, PackageInput};

const CONTOSO: &str = "connectors/certified-connectors/ContosoTasks";
const NAME: &str = "contoso_contoso-20tasks";
const WF: &str = "Workflows/SampleTaskFlow-0D6C8C6B-1F7E-4B7E-9B1C-2A7E3C1D5F10.json";

fn contoso() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(CONTOSO)
}

/// A flow solution export holding the ContosoTasks connector and one flow.
pub fn flow_solution() -> Vec<u8> {
    let dir = contoso();
    let props: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("apiProperties.json")).unwrap()).unwrap();
    let conn = format!(
        "<Connectors><Connector><connectorid>6a1f7d8e-0000-4000-8000-000000000001</connectorid>\
         <displayname>Contoso Tasks</displayname><iconbrandcolor>#4b2e83</iconbrandcolor><name>{NAME}</name>\
         <connectortype>1</connectortype>\
         <openapidefinition>/Connector/{NAME}_openapidefinition.json</openapidefinition>\
         <connectionparameters>/Connector/{NAME}_connectionparameters.json</connectionparameters>\
         <policytemplateinstances>/Connector/{NAME}_policytemplateinstances.json</policytemplateinstances>\
         <iconblob>/Connector/{NAME}_iconblob.Png</iconblob></Connector></Connectors>"
    );
    let cust = format!(
        "<ImportExportXml><Workflows><Workflow WorkflowId=\"{{0d6c8c6b-1f7e-4b7e-9b1c-2a7e3c1d5f10}}\" Name=\"Sample\">\
         <JsonFileName>/{WF}</JsonFileName></Workflow></Workflows>{conn}</ImportExportXml>"
    );
    let mut e: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    e.insert("[Content_Types].xml".into(), b"<Types />".to_vec());
    e.insert("customizations.xml".into(), cust.into_bytes());
    e.insert(
        "solution.xml".into(),
        b"<ImportExportXml><SolutionManifest><UniqueName>Flows</UniqueName></SolutionManifest></ImportExportXml>".to_vec(),
    );
    e.insert(WF.into(), b"{}".to_vec());
    e.insert(
        format!("Connector/{NAME}_openapidefinition.json"),
        std::fs::read(dir.join("apiDefinition.swagger.json")).unwrap(),
    );
    e.insert(
        format!("Connector/{NAME}_connectionparameters.json"),
        serde_json::to_vec(&props["properties"]["connectionParameters"]).unwrap(),
    );
    e.insert(
        format!("Connector/{NAME}_policytemplateinstances.json"),
        serde_json::to_vec(&props["properties"]["policyTemplateInstances"]).unwrap(),
    );
    e.insert(
        format!("Connector/{NAME}_iconblob.Png"),
        std::fs::read(dir.join("icon.png")).unwrap(),
    );
    build::write_zip(&e).unwrap()
}

/// The whole certification package, as `connkit package` builds it.
pub fn certification_package() -> Vec<u8> {
    let dir = contoso();
    let c = connkit::model::Connector::load_dir(&dir, CONTOSO.into());
    let input = PackageInput {
        intro: Some(("intro.md".into(), b"# Contoso Tasks\n".to_vec())),
        flow_solution: Some(("FlowSolution.zip".into(), flow_solution())),
        ..Default::default()
    };
    build::build_certification(&c, &input).unwrap().bytes
}

/// A flat files zip (`package --kind files`): `verify-package` rejects it.
pub fn files_zip() -> Vec<u8> {
    let dir = contoso();
    let mut e: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for f in [
        "apiDefinition.swagger.json",
        "apiProperties.json",
        "icon.png",
    ] {
        e.insert(f.into(), std::fs::read(dir.join(f)).unwrap());
    }
    build::write_zip(&e).unwrap()
}
