//! Schemas compared structurally through `$ref` and `allOf`, cycle-safe and bounded.

use super::*;

impl<'a> Comparer<'a> {
    /// Structural schema comparison through `$ref`, `allOf`, properties and items.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn schema(
        &mut self,
        o: &'a Value,
        op: &str,
        n: &'a Value,
        np: &str,
        role: Role,
        label: &str,
        stack: &mut Vec<(String, String)>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            self.cut_min = Some(0);
            return;
        }
        let (Ok((o, op)), Ok((n, np))) = (self.old.resolve(o, op), self.new.resolve(n, np)) else {
            return;
        };
        if identical_closed(o, n, 0) {
            return;
        }
        let key = (op, np, role);
        if self.clean.contains(&key) {
            return;
        }
        self.visits += 1;
        if self.visits > SCHEMA_VISITS_MAX {
            self.cut_min = Some(0);
            return;
        }
        if self.visits > SCHEMA_VISITS_EXACT && self.done.contains(&key) {
            return;
        }
        let (Some(fo), Some(fnew)) = (flatten(self.old, o, &key.0), flatten(self.new, n, &key.1))
        else {
            return;
        };
        let pair = (fo.ptr.clone(), fnew.ptr.clone());
        if let Some(i) = stack.iter().position(|p| *p == pair) {
            // Recursive schema: this pair is already being compared above.
            self.cut_min = Some(self.cut_min.map_or(i, |m| m.min(i)));
            return;
        }
        let before = self.emitted;
        let saved_cut = self.cut_min.take();
        let my_index = stack.len();
        stack.push(pair);
        self.field(
            fo.node,
            &fo.ptr,
            fnew.node,
            &fnew.ptr,
            role,
            &format!("'{label}'"),
        );
        for (name, ov, opp) in &fo.props {
            let child = format!("{label}/{name}");
            match fnew.prop(name) {
                Some((_, nv, npp)) => {
                    if role == Role::Input {
                        let (a, b) = (fo.required.contains(name), fnew.required.contains(name));
                        if !a && b {
                            self.emit(
                                &r::INPUT_BECAME_REQUIRED,
                                Some(opp.clone()),
                                Some(join(&fnew.ptr, "required")),
                                format!("input '{child}' changed from optional to required"),
                            );
                        } else if a && !b {
                            self.emit(
                                &r::INPUT_BECAME_OPTIONAL,
                                Some(join(&fo.ptr, "required")),
                                Some(npp.clone()),
                                format!("input '{child}' changed from required to optional"),
                            );
                        }
                    }
                    self.schema(ov, opp, nv, npp, role, &child, stack, depth + 1);
                }
                None => {
                    let (rule, what) = if role == Role::Input {
                        (&r::INPUT_REMOVED, "input")
                    } else {
                        (&r::OUTPUT_PROPERTY_DELETED, "output field")
                    };
                    self.emit(
                        rule,
                        Some(opp.clone()),
                        Some(join(&fnew.ptr, "properties")),
                        format!("{what} '{child}' has been deleted"),
                    );
                }
            }
        }
        for (name, nv, npp) in &fnew.props {
            if fo.prop(name).is_some() {
                continue;
            }
            let child = format!("'{label}/{name}'");
            if role == Role::Input {
                let resolved = self.new.resolve_or_self(nv, npp).0;
                self.added_input(
                    fnew.required.contains(name),
                    resolved,
                    Some(&fo.ptr),
                    npp,
                    &child,
                );
            } else {
                self.emit(
                    &r::OUTPUT_PROPERTY_ADDED,
                    Some(fo.ptr.clone()),
                    Some(npp.clone()),
                    format!("output field {child} added"),
                );
            }
        }
        if let (Some(a), Some(b)) = (fo.node.get("items"), fnew.node.get("items"))
            && a.is_object()
            && b.is_object()
        {
            self.schema(
                a,
                &join(&fo.ptr, "items"),
                b,
                &join(&fnew.ptr, "items"),
                role,
                &format!("{label}/items"),
                stack,
                depth + 1,
            );
        }
        stack.pop();
        let inner_cut = self.cut_min.filter(|&m| m < my_index);
        if inner_cut.is_none() {
            if self.emitted == before {
                self.clean.insert(key);
            } else {
                self.done.insert(key);
            }
        }
        self.cut_min = match (saved_cut, inner_cut) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }
}
