//! `connkit init`: scaffold a connector folder that passes `lint` for its profile.

use serde_json::{Value, json};

use crate::core::Profile;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    None,
    ApiKey,
    Basic,
    OAuth2,
    Aad,
}

/// The files of a new connector: (file name, bytes).
pub fn scaffold(title: &str, profile: Profile, auth: Auth) -> Vec<(&'static str, Vec<u8>)> {
    let title = {
        let t = super::clean_title(title);
        if t.is_empty() {
            "My Service".to_string()
        } else {
            t
        }
    };
    // Under example.com (reserved for examples): visibly a placeholder, never a real
    // service's host, so the certification lint reports it until it is replaced.
    let host = format!(
        "api.{}{}",
        title
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase()
            .chars()
            .take(40)
            .collect::<String>()
            .trim(),
        crate::core::PLACEHOLDER_HOST_SUFFIX
    );
    let host = if host == format!("api.{}", crate::core::PLACEHOLDER_HOST_SUFFIX) {
        "api.example.com".to_string()
    } else {
        host
    };
    let (sec_defs, security, conn) = security(auth, &host);
    let def = json!({
        "swagger": "2.0",
        "info": {
            "title": title,
            "description": format!("{title} lets flows and apps read and update items in the {title} service."),
            "version": "1.0",
            "contact": {"name": "Publisher name", "url": format!("https://www.{}", host.trim_start_matches("api.")), "email": "support@example.com"}
        },
        "host": host,
        "basePath": "/v1",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": {
            "/items/{itemId}": {
                "get": {
                    "operationId": "GetItem",
                    "summary": "Get an item",
                    "description": "Gets one item by its identifier.",
                    "parameters": [{
                        "name": "itemId",
                        "in": "path",
                        "required": true,
                        "type": "string",
                        "x-ms-summary": "Item ID",
                        "description": "The identifier of the item.",
                        "x-ms-url-encoding": "single"
                    }],
                    "responses": {
                        "200": {"description": "The item.", "schema": {"$ref": "#/definitions/Item"}},
                        "default": {"description": "The request failed."}
                    }
                }
            }
        },
        "definitions": {
            "Item": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "x-ms-summary": "Item ID", "description": "The identifier of the item."},
                    "name": {"type": "string", "x-ms-summary": "Name", "description": "The name of the item."}
                }
            }
        },
        "parameters": {},
        "responses": {},
        "securityDefinitions": sec_defs,
        "security": security,
        "tags": [],
        "x-ms-connector-metadata": [
            {"propertyName": "Website", "propertyValue": format!("https://www.{}", host.trim_start_matches("api."))},
            {"propertyName": "Privacy policy", "propertyValue": format!("https://www.{}/privacy", host.trim_start_matches("api."))},
            {"propertyName": "Categories", "propertyValue": "Productivity"}
        ]
    });
    let mut props = serde_json::Map::new();
    if conn.as_object().is_some_and(|m| !m.is_empty()) {
        props.insert("connectionParameters".into(), conn);
    }
    let color = match profile {
        Profile::IndependentPublisher => "#da3b01",
        Profile::Certified => "#4b2e83",
        Profile::Custom => "#007ee5",
    };
    props.insert("iconBrandColor".into(), json!(color));
    props.insert("capabilities".into(), json!(["actions"]));
    if profile != Profile::Custom {
        props.insert("publisher".into(), json!("Publisher name"));
        props.insert("stackOwner".into(), json!("Service owner name"));
    }
    let props = json!({"properties": props});
    let mut files = vec![
        ("apiDefinition.swagger.json", pretty(&def)),
        ("apiProperties.json", pretty(&props)),
        ("readme.md", readme(&title, profile, auth).into_bytes()),
    ];
    // The profile travels with the folder: lint applies the same rules wherever the folder
    // lives, not only under Microsoft's `certified-connectors/` layout.
    files.push(("connkit.toml", connkit_toml(profile).into_bytes()));
    if profile == Profile::Certified {
        files.push(("intro.md", intro(&title, auth).into_bytes()));
        // The sample's icon (230×230, background #4b2e83), marked as a placeholder: replace
        // it with your own.
        files.push(("icon.png", placeholder_icon()));
    }
    files
}

/// The sample's icon with a `tEXt` chunk carrying [`crate::core::PLACEHOLDER_ICON_TEXT`]
/// after its header, so lint can tell the scaffold's icon from the sample's (same pixels).
/// The chunk (and its CRC) is encoded by the png crate.
pub(crate) fn placeholder_icon() -> Vec<u8> {
    use png::text_metadata::{EncodableTextChunk, TEXtChunk};
    let sample: &[u8] =
        include_bytes!("../../connectors/certified-connectors/ContosoTasks/icon.png");
    // Signature (8 bytes), then IHDR: length (4), type (4), 13 data bytes, CRC (4).
    const AFTER_IHDR: usize = 8 + 4 + 4 + 13 + 4;
    let mut chunk = Vec::new();
    if TEXtChunk::new("Comment", crate::core::PLACEHOLDER_ICON_TEXT)
        .encode(&mut chunk)
        .is_err()
        || sample.get(12..16) != Some(b"IHDR".as_slice())
    {
        return sample.to_vec();
    }
    let mut out = Vec::with_capacity(sample.len() + chunk.len());
    out.extend_from_slice(&sample[..AFTER_IHDR]);
    out.extend_from_slice(&chunk);
    out.extend_from_slice(&sample[AFTER_IHDR..]);
    out
}

fn pretty(v: &Value) -> Vec<u8> {
    let mut s = crate::model::jsontext::to_pretty(v, 0, "    ", "\n");
    s.push('\n');
    s.into_bytes()
}

fn security(auth: Auth, host: &str) -> (Value, Value, Value) {
    let login = host.replacen("api.", "login.", 1);
    match auth {
        Auth::None => (json!({}), json!([]), json!({})),
        Auth::ApiKey => (
            json!({"api_key": {"type": "apiKey", "in": "header", "name": "X-Api-Key"}}),
            json!([{"api_key": []}]),
            json!({"api_key": {"type": "securestring", "uiDefinition": {"displayName": "API Key", "description": "The API key for this API", "tooltip": "Provide your API key", "constraints": {"tabIndex": 2, "clearText": false, "required": "true"}}}}),
        ),
        Auth::Basic => (
            json!({"basic_auth": {"type": "basic"}}),
            json!([{"basic_auth": []}]),
            json!({
                "username": {"type": "string", "uiDefinition": {"displayName": "Username", "description": "The user name for this API", "tooltip": "Provide your user name", "constraints": {"tabIndex": 2, "clearText": true, "required": "true"}}},
                "password": {"type": "securestring", "uiDefinition": {"displayName": "Password", "description": "The password for this API", "tooltip": "Provide your password", "constraints": {"tabIndex": 3, "clearText": false, "required": "true"}}}
            }),
        ),
        Auth::OAuth2 => (
            json!({"oauth2_auth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": format!("https://{login}/oauth/authorize"), "tokenUrl": format!("https://{login}/oauth/token"), "scopes": {"items.read": "Read items"}}}),
            json!([{"oauth2_auth": ["items.read"]}]),
            json!({"token": {"type": "oauthSetting", "oAuthSettings": {
                "identityProvider": "oauth2",
                "clientId": "[[DUMMY]]",
                "scopes": ["items.read"],
                "redirectMode": "GlobalPerConnector",
                "properties": {"IsFirstParty": "False"},
                "customParameters": {
                    "authorizationUrl": {"value": format!("https://{login}/oauth/authorize")},
                    "tokenUrl": {"value": format!("https://{login}/oauth/token")},
                    "refreshUrl": {"value": format!("https://{login}/oauth/token")}
                }
            }}}),
        ),
        Auth::Aad => (
            json!({"oauth2_auth": {"type": "oauth2", "flow": "accessCode", "authorizationUrl": "https://login.microsoftonline.com/common/oauth2/authorize", "tokenUrl": "https://login.windows.net/common/oauth2/authorize", "scopes": {}}}),
            json!([{"oauth2_auth": []}]),
            json!({
                "token": {"type": "oauthSetting", "oAuthSettings": {
                    "identityProvider": "aad",
                    "clientId": "[[DUMMY]]",
                    "scopes": [],
                    "redirectMode": "GlobalPerConnector",
                    "properties": {"IsFirstParty": "False"},
                    "customParameters": {
                        "loginUri": {"value": "https://login.microsoftonline.com"},
                        "tenantId": {"value": "common"},
                        "resourceUri": {"value": format!("https://{host}")}
                    }
                }},
                "token:TenantId": {
                    "type": "string",
                    "metadata": {"sourceType": "AzureActiveDirectoryTenant"},
                    "uiDefinition": {"displayName": "Tenant", "description": "The tenant ID of for the Azure Active Directory application", "constraints": {"required": "false", "hidden": "true"}}
                }
            }),
        ),
    }
}

fn credentials(auth: Auth) -> &'static str {
    match auth {
        Auth::None => "No credentials are needed.",
        Auth::ApiKey => "Sign in to the service, open your profile settings and create an API key.",
        Auth::Basic => "Use the user name and password of your account.",
        Auth::OAuth2 => {
            "Sign in with your account when you create the connection; the connector asks for the permissions it needs."
        }
        Auth::Aad => {
            "Sign in with your Microsoft Entra ID work or school account when you create the connection."
        }
    }
}

/// The connkit configuration `init` writes: the profile, so `connkit lint` is never silently
/// run with the custom-connector rules on a connector meant for certification.
fn connkit_toml(profile: Profile) -> String {
    format!(
        "# connkit configuration (https://github.com/connkit/connkit): applies to this folder and below.\n\
         # The certification profile this connector is written for; `connkit lint` says which\n\
         # profile it ran and why.\n\
         profile = \"{}\"\n",
        profile.as_str()
    )
}

fn readme(title: &str, profile: Profile, auth: Auth) -> String {
    let deploy = if profile == Profile::Certified || profile == Profile::Custom {
        "\n## Deployment Instructions\nDeploy the connector with `paconn create` or import the definition in the custom connector wizard.\n"
    } else {
        ""
    };
    format!(
        "# {title}\n{title} lets flows and apps read items from the {title} service. Describe what the service does and why people connect to it.\n\n\
## Publisher: Publisher name\n\n\
## Prerequisites\nAn account with the {title} service.\n\n\
## Supported Operations\n### Get an item\nGets one item by its identifier.\n\n\
## Obtaining Credentials\n{}\n\n\
## Known Issues and Limitations\nNo known issues.\n{deploy}",
        credentials(auth)
    )
}

fn intro(title: &str, auth: Auth) -> String {
    let creds = if auth == Auth::None {
        String::new()
    } else {
        format!("## How to get credentials\n{}\n\n", credentials(auth))
    };
    format!(
        "{title} keeps your items in one place. Use this connector to bring them into your business processes.\n\n\
## Prerequisites\nAn account with the {title} service.\n\n\
{creds}\
## Get started with your connector\nCreate a connection, then add a {title} action to a flow.\n\n\
## Known issues and limitations\nNo known issues.\n\n\
## Common errors and remedies\nA 401 error means the connection must be signed in again.\n\n\
## FAQ\n**Where can I get help?** Contact the publisher through the support link.\n"
    )
}
