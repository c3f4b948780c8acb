//! A depth-first walk over a parsed JSON tree that tracks each node's path as borrowed
//! segments and builds the JSON pointer only when asked.
//!
//! Rules that look at every node (misplaced keywords, misspelled extensions) used to carry an
//! owned pointer string per node; on the corpus that was most of their time, for pointers that
//! were almost never reported. Here a node's pointer costs nothing until a finding needs it.

use serde_json::Value;

use super::pointer;

/// One step of a path: an object key (unescaped) or an array index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seg<'a> {
    Key(&'a str),
    Index(usize),
}

/// The path from the root to the current node.
#[derive(Debug, Default)]
pub(crate) struct Path<'a> {
    segs: Vec<Seg<'a>>,
}

impl<'a> Path<'a> {
    pub(crate) fn depth(&self) -> usize {
        self.segs.len()
    }

    /// The key of the current node in its parent object, if the parent is an object.
    pub(crate) fn key(&self) -> Option<&'a str> {
        match self.segs.last() {
            Some(Seg::Key(k)) => Some(k),
            _ => None,
        }
    }

    /// Whether the keys `window` appear as consecutive object keys somewhere on the path.
    pub(crate) fn contains_keys(&self, window: &[&str]) -> bool {
        !window.is_empty()
            && self.segs.windows(window.len()).any(|w| {
                w.iter()
                    .zip(window)
                    .all(|(s, k)| matches!(s, Seg::Key(x) if x == k))
            })
    }

    /// The RFC 6901 pointer of the current node.
    pub(crate) fn pointer(&self) -> String {
        let mut s = String::new();
        for seg in &self.segs {
            s.push('/');
            match seg {
                Seg::Key(k) => s.push_str(&pointer::escape(k)),
                Seg::Index(i) => s.push_str(&i.to_string()),
            }
        }
        s
    }
}

/// What to do after visiting a node.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Visit {
    /// Visit the node's children.
    Descend,
    /// Leave the node's children out.
    Skip,
}

/// Visit `root` and every node below it, parents before children, children in document
/// order, down to `max_depth` levels (the parser already refuses deeper documents; this bound
/// keeps the recursion safe for trees built some other way). Scalars are visited too.
pub(crate) fn walk<'a>(
    root: &'a Value,
    max_depth: usize,
    f: &mut dyn FnMut(&Path<'a>, &'a Value) -> Visit,
) {
    let mut path = Path::default();
    inner(root, &mut path, max_depth, f);
}

fn inner<'a>(
    v: &'a Value,
    path: &mut Path<'a>,
    max_depth: usize,
    f: &mut dyn FnMut(&Path<'a>, &'a Value) -> Visit,
) {
    if f(path, v) == Visit::Skip || path.depth() >= max_depth {
        return;
    }
    match v {
        Value::Object(m) => {
            for (k, c) in m {
                path.segs.push(Seg::Key(k));
                inner(c, path, max_depth, f);
                path.segs.pop();
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                path.segs.push(Seg::Index(i));
                inner(c, path, max_depth, f);
                path.segs.pop();
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointers_are_built_on_demand_and_escaped() {
        let v = json!({"paths": {"/a~b": {"get": {"tags": ["x", {"k": 1}]}}}});
        let mut seen = Vec::new();
        walk(&v, 64, &mut |p, node| {
            if node.is_number() {
                seen.push(p.pointer());
            }
            Visit::Descend
        });
        assert_eq!(seen, vec!["/paths/~1a~0b/get/tags/1/k"]);
        assert_eq!(v.pointer(&seen[0]), Some(&json!(1)));
    }

    #[test]
    fn skip_and_depth_bound_and_key_windows() {
        let v = json!({"a": {"x-ms-dynamic-tree": {"browse": {"s": 1}}, "skip": {"s": 2}}});
        let mut hits = Vec::new();
        walk(&v, 64, &mut |p, _| {
            if p.key() == Some("skip") {
                return Visit::Skip;
            }
            if p.key() == Some("s") {
                hits.push((
                    p.pointer(),
                    p.contains_keys(&["x-ms-dynamic-tree", "browse"]),
                ));
            }
            Visit::Descend
        });
        assert_eq!(
            hits,
            vec![("/a/x-ms-dynamic-tree/browse/s".to_string(), true)]
        );
        let mut deepest = 0;
        walk(&v, 2, &mut |p, _| {
            deepest = deepest.max(p.depth());
            Visit::Descend
        });
        assert_eq!(deepest, 2);
    }
}
