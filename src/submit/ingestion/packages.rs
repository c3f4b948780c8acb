//! The package steps: create the package resource, upload, mark uploaded, wait until
//! processed, point the package configuration at it.

use super::*;

impl Session<'_> {
    pub(super) fn package_id(&self) -> String {
        self.outcome.package_id.clone().unwrap_or_default()
    }

    /// Find a package this run created (after a create whose answer was lost or refused).
    pub(super) fn find_created_package(&self) -> R<Option<Value>> {
        let all = self.list(&format!("{}/packages", self.product()), "listing packages")?;
        Ok(all.into_iter().rev().find(|p| {
            field(p, &["fileName"]).as_deref() == Some(self.opts.file_name.as_str())
                && state_of(p) == "PendingUpload"
        }))
    }

    /// POST a create. A failed attempt (retryable status, 409, lost answer) is sent again
    /// only after `find` showed that the resource does not exist yet.
    pub(super) fn create_checked(
        &self,
        url: &str,
        body: &Value,
        what: &str,
        conflict_hint: &str,
        find: &dyn Fn(&Self) -> R<Option<Value>>,
    ) -> R<(Value, Response)> {
        let log = self.log;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let res = self.call(Method::Post, url, Some(body), None, Idempotency::CreateOnce);
            let mut hinted = None;
            let why = match res {
                Ok(resp) if resp.ok() => match resp.json() {
                    Some(v) => return Ok((v, resp)),
                    None => {
                        return err(format!(
                            "creating {what}: the answer is not JSON{}",
                            resp.truncation_note()
                        ));
                    }
                },
                Ok(resp) if resp.status == 409 || retryable_status(resp.status) => {
                    hinted = resp.header("retry-after").and_then(|v| {
                        super::super::http::parse_retry_after(v, std::time::SystemTime::now())
                    });
                    describe_response(&resp)
                }
                Ok(resp) => return err(self.explain(&format!("creating {what}"), &resp)),
                Err(e) => e.to_string(),
            };
            // The create may have succeeded: look before sending it again.
            log(&format!(
                "creating {what} failed ({why}); checking whether it exists"
            ));
            if let Some(found) = find(self)? {
                log(&format!("{what} had been created; using it"));
                let resp = Response {
                    truncated: false,
                    status: 200,
                    headers: vec![],
                    body: vec![],
                };
                return Ok((found, resp));
            }
            if why.starts_with("HTTP 409") {
                return err(format!("creating {what}: {why}; {conflict_hint}"));
            }
            if attempt >= self.http.policy.max_attempts {
                return err(format!(
                    "creating {what}: {why} (gave up after {attempt} attempts)"
                ));
            }
            let wait = hinted
                .map(|d| d.min(self.http.policy.cap))
                .unwrap_or_else(|| self.http.policy.backoff(attempt));
            if wait >= self.http.policy.remaining() {
                return err(format!("creating {what}: {why} (time limit reached)"));
            }
            log(&format!(
                "not found; creating {what} again in {:.1}s",
                wait.as_secs_f64()
            ));
            std::thread::sleep(wait);
        }
    }

    pub(super) fn create_package(&mut self) -> R<()> {
        let log = self.log;
        let body = json!({
            "resourceType": self.outcome.package_type.clone().unwrap_or_default(),
            "fileName": self.opts.file_name,
        });
        let url = format!("{}/packages", self.product());
        let conflict_hint = format!(
            "a package named {} may already be processing for this product; retry later",
            self.opts.file_name
        );
        let created =
            self.create_checked(&url, &body, "the package", &conflict_hint, &|s: &Self| {
                s.find_created_package()
            })?;
        let (v, resp) = created;
        let id = id_of(&v).ok_or_else(|| Failure::Error("the created package has no id".into()))?;
        let etag = etag_of(&v, &resp)
            .ok_or_else(|| Failure::Error("the created package has no @odata.etag".into()))?;
        let sas = field(&v, &["fileSasUri", "FileSasUri"])
            .ok_or_else(|| Failure::Error("the created package has no fileSasUri".into()))?;
        log(&format!("package {id} created ({})", state_of(&v)));
        self.outcome.package_id = Some(id);
        self.outcome.package_state = Some(state_of(&v));
        self.file_sas_uri = Some(Secret::redacted(sas));
        self.package_obj = Some((v, etag));
        Ok(())
    }

    /// PUT with If-Match; on 409/412 re-read once (`reread` gives the fresh object and etag)
    /// and try again, then fail.
    pub(super) fn put_with_etag(
        &self,
        url: &str,
        what: &str,
        mut obj: Value,
        mut etag: String,
        apply: &dyn Fn(&mut Value),
        reread_url: &str,
    ) -> R<(Value, Response)> {
        let mut reread = false;
        loop {
            apply(&mut obj);
            let resp = self
                .call(Method::Put, url, Some(&obj), Some(&etag), Idempotency::Safe)
                .map_err(|e| Failure::Error(format!("{what}: {e}")))?;
            if resp.ok() {
                return Ok((resp.json().unwrap_or(Value::Null), resp));
            }
            if matches!(resp.status, 409 | 412) && !reread {
                (self.log)(&format!(
                    "{what}: HTTP {}; re-reading and trying once more",
                    resp.status
                ));
                let (fresh, fresh_resp) = self.expect(Method::Get, reread_url, what)?;
                etag = etag_of(&fresh, &fresh_resp).ok_or_else(|| {
                    Failure::Error(format!("{what}: the re-read object has no etag"))
                })?;
                obj = fresh;
                reread = true;
                continue;
            }
            let extra = match resp.status {
                412 => {
                    "; the object keeps changing under us (someone else is editing this offer?); try again later"
                }
                409 => {
                    "; the service reports a conflict (another operation in progress?); try again later"
                }
                _ => "",
            };
            return err(format!("{}{extra}", self.explain(what, &resp)));
        }
    }

    pub(super) fn mark_uploaded(&mut self) -> R<()> {
        let (obj, etag) = self
            .package_obj
            .clone()
            .ok_or_else(|| Failure::Error("no package to mark".into()))?;
        let url = format!("{}/packages/{}", self.product(), self.package_id());
        let (v, _) = self.put_with_etag(
            &url,
            "marking the package Uploaded",
            obj,
            etag,
            &|o| {
                if let Some(m) = o.as_object_mut() {
                    m.insert("state".into(), json!("Uploaded"));
                }
            },
            &url,
        )?;
        let st = state_of(&v);
        (self.log)(&format!("package {} is {}", self.package_id(), st));
        self.outcome.package_state = Some(st);
        Ok(())
    }

    /// Sleep one poll interval, failing when the time limit would pass.
    pub(super) fn pause(&self, what: &str) -> R<()> {
        let d = self.opts.poll_interval;
        if d >= self.http.policy.remaining() || self.http.policy.remaining().is_zero() {
            return err(format!("time limit reached while {what}"));
        }
        std::thread::sleep(d);
        Ok(())
    }

    pub(super) fn wait_processed(&mut self) -> R<()> {
        let url = format!("{}/packages/{}", self.product(), self.package_id());
        let mut last = self.outcome.package_state.clone().unwrap_or_default();
        loop {
            match last.as_str() {
                "Processed" => return Ok(()),
                "ProcessFailed" => {
                    return Err(Failure::Rejected(format!(
                        "package {} failed processing (ProcessFailed){}",
                        self.package_id(),
                        if self.outcome.validation_messages.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", self.outcome.validation_messages.join("; "))
                        }
                    )));
                }
                _ => {}
            }
            self.pause(&format!(
                "waiting for package {} to be processed (state {last})",
                self.package_id()
            ))?;
            let (v, _) = self.expect(Method::Get, &url, "reading the package")?;
            let st = state_of(&v);
            if st != last {
                (self.log)(&format!("package {}: {st}", self.package_id()));
            }
            self.outcome.validation_messages = validation_messages(&v);
            self.outcome.package_state = Some(st.clone());
            last = st;
        }
    }

    pub(super) fn update_configuration(&mut self) -> R<()> {
        let (cfg, etag) = self
            .configuration
            .clone()
            .ok_or_else(|| Failure::Error("no package configuration".into()))?;
        let cid = self
            .outcome
            .package_configuration_id
            .clone()
            .unwrap_or_default();
        let ptype = self.outcome.package_type.clone().unwrap_or_default();
        let pid = self.package_id();
        let url = format!("{}/packageconfigurations/{cid}", self.product());
        let apply = |o: &mut Value| {
            let Some(m) = o.as_object_mut() else { return };
            let mut refs = m.get("packageReferences").map(items).unwrap_or_default();
            let mut replaced = false;
            for r in refs.iter_mut() {
                if field(r, &["type"]).as_deref() == Some(ptype.as_str()) {
                    *r = json!({"type": ptype, "value": pid});
                    replaced = true;
                }
            }
            if !replaced {
                refs.push(json!({"type": ptype, "value": pid}));
            }
            m.insert("packageReferences".into(), Value::Array(refs));
        };
        self.put_with_etag(
            &url,
            "updating the package configuration",
            cfg,
            etag,
            &apply,
            &url,
        )?;
        (self.log)(&format!(
            "package configuration {cid} now references package {pid}"
        ));
        Ok(())
    }
}
