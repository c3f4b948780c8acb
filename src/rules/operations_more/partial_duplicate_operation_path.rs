use super::*;
use crate::rules::prelude::*;

fn is_var(seg: &str) -> bool {
    seg.starts_with('{') && seg.ends_with('}') && seg.len() > 2
}

crate::declare_code! {
    /// Two paths with the same method could match the same URL
    ///
    /// ### Why
    /// `/items/{id}` and `/items/search` both match `/items/search`; which operation runs depends
    /// on routing order. Prefer distinct shapes (`/items/{id}` and `/search/items`), or make sure
    /// the service treats the literal segment first.
    ///
    /// ### Example
    /// Bad: `"/items/{id}": {"get": …}` and `"/items/search": {"get": …}`
    /// Good: `"/items/{id}": {"get": …}` and `"/search/items": {"get": …}`
    pub(crate) static PARTIAL_DUPLICATE_OPERATION_PATH: Rule {
        code: "PartialDuplicateOperationPath",
        severity: Severity::Warning,
        gate: Gate::Pipeline,
        file: FileKind::Definition,
        source: SV,
        check,
    }
}

fn check(cx: &Context<'_>, sink: &mut Sink<'_>) {
    // A trie per method over the paths seen so far: each path is searched (a literal
    // segment follows the same literal or a variable; a variable follows every child)
    // before it is inserted, so each overlapping pair is reported once, on the later
    // path. Linear in practice, unlike comparing every pair (100,000 operations took
    // minutes); a visit budget bounds adversarial inputs.
    let mut tries: HashMap<&str, PathTrie<'_>> = HashMap::new();
    let mut budget: usize = 5_000_000;
    for op in ops(cx) {
        let segs: Vec<&str> = op.path.trim_end_matches('/').split('/').collect();
        let trie = tries.entry(op.method).or_default();
        if let Some(q) = trie.find_overlap(&segs, &mut budget) {
            sink.emit(
                op.pointer.clone(),
                format!("'{}' and '{q}' can match the same URL", op.path),
            );
        }
        trie.insert(&segs, op.path);
    }
}

#[derive(Default)]
struct PathTrie<'a> {
    nodes: Vec<TrieNode<'a>>,
}

#[derive(Default)]
struct TrieNode<'a> {
    /// Ordered, so which overlapping path is named is deterministic.
    literals: std::collections::BTreeMap<String, usize>,
    var: Option<usize>,
    /// A path ending here.
    path: Option<&'a str>,
}

impl<'a> PathTrie<'a> {
    fn insert(&mut self, segs: &[&str], path: &'a str) {
        if self.nodes.is_empty() {
            self.nodes.push(TrieNode::default());
        }
        let mut n = 0;
        for s in segs {
            let next = if is_var(s) {
                self.nodes[n].var
            } else {
                self.nodes[n].literals.get(&s.to_ascii_lowercase()).copied()
            };
            n = match next {
                Some(i) => i,
                None => {
                    self.nodes.push(TrieNode::default());
                    let i = self.nodes.len() - 1;
                    if is_var(s) {
                        self.nodes[n].var = Some(i);
                    } else {
                        self.nodes[n].literals.insert(s.to_ascii_lowercase(), i);
                    }
                    i
                }
            };
        }
        self.nodes[n].path.get_or_insert(path);
    }

    /// A stored path that matches the same URLs as `segs` somewhere, differing in at least
    /// one position by variable versus literal.
    fn find_overlap(&self, segs: &[&str], budget: &mut usize) -> Option<&'a str> {
        if self.nodes.is_empty() {
            return None;
        }
        self.search(0, segs, false, budget)
    }

    fn search(
        &self,
        n: usize,
        segs: &[&str],
        differs: bool,
        budget: &mut usize,
    ) -> Option<&'a str> {
        if *budget == 0 {
            return None;
        }
        *budget -= 1;
        let node = &self.nodes[n];
        let Some((s, rest)) = segs.split_first() else {
            return if differs { node.path } else { None };
        };
        if is_var(s) {
            if let Some(v) = node.var
                && let Some(p) = self.search(v, rest, differs, budget)
            {
                return Some(p);
            }
            for &c in node.literals.values() {
                if let Some(p) = self.search(c, rest, true, budget) {
                    return Some(p);
                }
            }
            None
        } else {
            if let Some(&c) = node.literals.get(&s.to_ascii_lowercase())
                && let Some(p) = self.search(c, rest, differs, budget)
            {
                return Some(p);
            }
            node.var.and_then(|v| self.search(v, rest, true, budget))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::testing::*;
    use serde_json::json;

    #[test]
    fn partial_duplicates() {
        let d = patch(
            minimal(),
            json!({"paths": {"/tasks/search": {"get": {"operationId": "Search", "responses": {"200": {"description": "x"}}}},
                             "/tasks/search/all": {"get": {"operationId": "All", "responses": {"200": {"description": "x"}}}}}}),
        );
        Tester::fails(&PARTIAL_DUPLICATE_OPERATION_PATH, vec![fail(d).count(1)]).test();
    }

    #[test]
    fn partial_duplicates_cross_and_exact_shapes() {
        let ok = |p: &str| json!({"get": {"operationId": p.replace(['/', '{', '}'], ""), "responses": {"200": {"description": "x"}}}});
        let mut paths = serde_json::Map::new();
        for p in [
            "/a/{x}/c",
            "/{y}/b/c",
            "/q/{id}",
            "/q/{other}",
            "/z/one",
            "/z/two",
        ] {
            paths.insert(p.into(), ok(p));
        }
        let d = json!({"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": paths});
        Tester::new(
            &PARTIAL_DUPLICATE_OPERATION_PATH,
            vec![minimal()],
            vec![fail(d).at(["/paths/~1{y}~1b~1c/get"]).then(|f| {
                assert!(f[0].message.contains("'/a/{x}/c'"));
            })],
        )
        .test();
    }

    #[test]
    fn twenty_thousand_operations_without_overlap() {
        let paths: serde_json::Map<String, serde_json::Value> = (0..20_000)
            .map(|i| (format!("/r{i}/{{id}}"), json!({"get": {"operationId": format!("Op{i}"), "responses": {"200": {"description": "x"}}}})))
            .collect();
        let d = json!({"swagger": "2.0", "info": {"title": "T", "version": "1"}, "paths": paths});
        assert!(run(&PARTIAL_DUPLICATE_OPERATION_PATH, d).is_empty());
    }
}
