//! A small, strict-enough XML reader for solution files (`customizations.xml`,
//! `solution.xml`): elements, attributes, text, comments, CDATA, processing instructions.
//!
//! No DTDs (a `<!DOCTYPE` is refused, so no entity expansion of any kind), no namespaces
//! beyond keeping prefixed names as written, a nesting cap. Whitespace-only text is dropped,
//! as .NET's `XmlDocument` does by default, which matters for the validator's "has child
//! nodes" test.

/// An element with its attributes, children and direct text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Element>,
    /// Concatenated non-whitespace text directly inside this element.
    pub(crate) text: String,
}

impl Element {
    /// The first descendant-or-self named `name`, depth first in document order (XPath
    /// `//name`).
    pub(crate) fn find(&self, name: &str) -> Option<&Element> {
        if self.name == name {
            return Some(self);
        }
        self.children.iter().find_map(|c| c.find(name))
    }

    /// Every descendant named `name`, in document order.
    pub(crate) fn find_all<'a>(&'a self, name: &str, out: &mut Vec<&'a Element>) {
        for c in &self.children {
            if c.name == name {
                out.push(c);
            }
            c.find_all(name, out);
        }
    }

    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The trimmed text of a direct child.
    pub(crate) fn child_text(&self, name: &str) -> Option<&str> {
        self.child(name).map(|c| c.text.trim())
    }

    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The validator's "present" test: the node has child nodes or attributes.
    pub(crate) fn is_non_empty(&self) -> bool {
        !self.children.is_empty() || !self.attrs.is_empty() || !self.text.trim().is_empty()
    }
}

const MAX_DEPTH: usize = 256;

/// Parse a document and return its root element.
pub(crate) fn parse(text: &str) -> Result<Element, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        s: text.as_bytes(),
        src: text,
        i: 0,
    };
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    while p.i < p.s.len() {
        if p.s[p.i] != b'<' {
            let start = p.i;
            while p.i < p.s.len() && p.s[p.i] != b'<' {
                p.i += 1;
            }
            let raw = &p.src[start..p.i];
            if raw.trim().is_empty() {
                continue;
            }
            match stack.last_mut() {
                Some(top) => top.text.push_str(&unescape(raw, start)?),
                None => return Err(format!("text outside the root element at byte {start}")),
            }
            continue;
        }
        let rest = &p.src[p.i..];
        if rest.starts_with("<!--") {
            p.skip_past("-->", "comment")?;
        } else if rest.starts_with("<?") {
            p.skip_past("?>", "processing instruction")?;
        } else if rest.starts_with("<![CDATA[") {
            let start = p.i + 9;
            p.skip_past("]]>", "CDATA section")?;
            let cdata = &p.src[start..p.i - 3];
            match stack.last_mut() {
                Some(top) => top.text.push_str(cdata),
                None => return Err("CDATA outside the root element".into()),
            }
        } else if rest.starts_with("<!") {
            return Err("DOCTYPE and other declarations are not accepted".into());
        } else if rest.starts_with("</") {
            p.i += 2;
            let name = p.name()?;
            p.ws();
            p.expect(b'>')?;
            let done = stack
                .pop()
                .ok_or_else(|| format!("closing tag </{name}> without an open element"))?;
            if done.name != name {
                return Err(format!(
                    "closing tag </{name}> does not match <{}>",
                    done.name
                ));
            }
            close(&mut stack, &mut root, done)?;
        } else {
            p.i += 1;
            let name = p.name()?;
            let mut el = Element {
                name,
                ..Default::default()
            };
            loop {
                p.ws();
                match p.peek() {
                    Some(b'/') => {
                        p.i += 1;
                        p.expect(b'>')?;
                        close(&mut stack, &mut root, el)?;
                        break;
                    }
                    Some(b'>') => {
                        p.i += 1;
                        if stack.len() >= MAX_DEPTH {
                            return Err(format!("elements nested deeper than {MAX_DEPTH}"));
                        }
                        stack.push(el);
                        break;
                    }
                    Some(_) => {
                        let k = p.name()?;
                        p.ws();
                        p.expect(b'=')?;
                        p.ws();
                        let q = p.peek().ok_or("unexpected end in an attribute")?;
                        if q != b'"' && q != b'\'' {
                            return Err(format!("attribute {k} value is not quoted"));
                        }
                        p.i += 1;
                        let start = p.i;
                        while p.i < p.s.len() && p.s[p.i] != q {
                            p.i += 1;
                        }
                        if p.i >= p.s.len() {
                            return Err(format!("attribute {k} value is not closed"));
                        }
                        let v = unescape(&p.src[start..p.i], start)?;
                        p.i += 1;
                        el.attrs.push((k, v));
                    }
                    None => return Err(format!("unexpected end inside <{}>", el.name)),
                }
            }
        }
    }
    if let Some(open) = stack.last() {
        return Err(format!("element <{}> is never closed", open.name));
    }
    root.ok_or_else(|| "no root element".to_string())
}

fn close(stack: &mut [Element], root: &mut Option<Element>, el: Element) -> Result<(), String> {
    match stack.last_mut() {
        Some(parent) => {
            parent.children.push(el);
            Ok(())
        }
        None if root.is_none() => {
            *root = Some(el);
            Ok(())
        }
        None => Err(format!("second root element <{}>", el.name)),
    }
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }
    fn ws(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.i += 1;
        }
    }
    fn expect(&mut self, c: u8) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.i += 1;
            Ok(())
        } else {
            Err(format!("expected '{}' at byte {}", c as char, self.i))
        }
    }
    fn name(&mut self) -> Result<String, String> {
        let start = self.i;
        while self
            .peek()
            .is_some_and(|c| !c.is_ascii_whitespace() && !b"/>=<\"'".contains(&c))
        {
            self.i += 1;
        }
        if start == self.i {
            return Err(format!("expected a name at byte {start}"));
        }
        Ok(self.src[start..self.i].to_string())
    }
    fn skip_past(&mut self, end: &str, what: &str) -> Result<(), String> {
        match self.src[self.i..].find(end) {
            Some(k) => {
                self.i += k + end.len();
                Ok(())
            }
            None => Err(format!("{what} is never closed")),
        }
    }
}

/// Decode the five predefined entities and character references.
fn unescape(raw: &str, at: usize) -> Result<String, String> {
    if !raw.contains('&') {
        return Ok(raw.to_string());
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        let after = &rest[k + 1..];
        let end = after
            .find(';')
            .filter(|e| *e <= 12)
            .ok_or_else(|| format!("bare '&' near byte {at}"))?;
        let ent = &after[..end];
        let ch = match ent {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(h) = ent.strip_prefix("#x").or(ent.strip_prefix("#X")) {
                    u32::from_str_radix(h, 16).ok()
                } else if let Some(d) = ent.strip_prefix('#') {
                    d.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32)
                    .ok_or_else(|| format!("unknown entity &{ent}; near byte {at}"))?
            }
        };
        out.push(ch);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_customizations_file() {
        let x = "\u{feff}<?xml version=\"1.0\"?>\n<ImportExportXml a='1'><!-- c --><Workflows />\n<Connectors><Connector><name>p_x &amp; y</name><d><![CDATA[<raw>]]></d></Connector></Connectors></ImportExportXml>";
        let r = parse(x).unwrap();
        assert_eq!(r.attr("a"), Some("1"));
        assert!(!r.find("Workflows").unwrap().is_non_empty());
        let c = r.find("Connector").unwrap();
        assert!(c.is_non_empty());
        assert_eq!(c.child_text("name"), Some("p_x & y"));
        assert_eq!(c.child_text("d"), Some("<raw>"));
        assert!(r.find("aicopilot_aiplugin").is_none());
    }

    #[test]
    fn whitespace_only_content_is_empty_and_bad_xml_is_an_error() {
        let r = parse("<a><Workflows>\n  </Workflows></a>").unwrap();
        assert!(!r.find("Workflows").unwrap().is_non_empty());
        assert!(parse("<a><b></a>").is_err());
        assert!(parse("<a>").is_err());
        assert!(parse("<!DOCTYPE x [<!ENTITY e 'boom'>]><a>&e;</a>").is_err());
        assert!(parse("<a>&bogus;</a>").is_err());
        assert!(parse("<a/><b/>").is_err());
        assert!(parse("").is_err());
    }
}
