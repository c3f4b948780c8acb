//! The session: authenticated calls with retries, lists, links, and the step dispatcher.

use super::*;

impl<'a> Session<'a> {
    pub(crate) fn new(
        http: &'a Http,
        tokens: &'a TokenSource,
        opts: &'a Options,
        package: &'a [u8],
        log: Log<'a>,
    ) -> Self {
        Session {
            http,
            tokens,
            opts,
            log,
            package,
            outcome: Outcome {
                product_id: opts.product_id.clone(),
                ..Outcome::default()
            },
            latest_submission: None,
            known_submissions: BTreeSet::new(),
            draft_instance: None,
            configuration: None,
            package_obj: None,
            file_sas_uri: None,
            submission: None,
        }
    }

    pub(super) fn product(&self) -> String {
        format!(
            "{}/products/{}",
            self.opts.api_url.trim_end_matches('/'),
            self.opts.product_id
        )
    }

    /// One API call with the bearer token; on 401 the token is re-acquired once and the call
    /// resent once.
    pub(super) fn call(
        &self,
        method: Method,
        url: &str,
        body: Option<&Value>,
        if_match: Option<&str>,
        idempotency: Idempotency,
    ) -> Result<Response, HttpError> {
        let mut reauthed = false;
        loop {
            let token = self
                .tokens
                .get(self.http, self.log)
                .map_err(|m| HttpError::Deadline { message: m })?;
            let mut headers = vec![
                (
                    "authorization".to_string(),
                    Secret::redacted(format!("Bearer {}", token.expose())),
                ),
                ("accept".into(), Secret::new("application/json")),
                (
                    "client-request-id".into(),
                    Secret::new(format!(
                        "{:016x}{:016x}",
                        fastrand::u64(..),
                        fastrand::u64(..)
                    )),
                ),
            ];
            if body.is_some() {
                headers.push((
                    "content-type".into(),
                    Secret::new("application/json; charset=utf-8"),
                ));
            }
            if let Some(tag) = if_match {
                headers.push(("if-match".into(), Secret::new(tag)));
            }
            let req = Request {
                method,
                url: Secret::new(url),
                headers,
                body: body.map(|b| b.to_string().into_bytes()),
                timeout: self.http.policy.request_timeout,
                idempotency,
            };
            let resp = self.http.send(&req, self.log)?;
            if resp.status == 401 && !reauthed {
                (self.log)(&format!(
                    "HTTP 401 on {} {}; getting a new token and trying once more",
                    method.as_str(),
                    redact_url(url)
                ));
                self.tokens.invalidate();
                reauthed = true;
                continue;
            }
            return Ok(resp);
        }
    }

    /// A call whose answer must be 2xx JSON (or empty).
    pub(super) fn expect(&self, method: Method, url: &str, what: &str) -> R<(Value, Response)> {
        let resp = self
            .call(method, url, None, None, Idempotency::Safe)
            .map_err(|e| Failure::Error(format!("{what}: {e}")))?;
        if !resp.ok() {
            return err(self.explain(what, &resp));
        }
        if resp.truncated {
            return err(format!(
                "{what}: HTTP {}{}",
                resp.status,
                resp.truncation_note()
            ));
        }
        Ok((resp.json().unwrap_or(Value::Null), resp))
    }

    pub(super) fn explain(&self, what: &str, resp: &Response) -> String {
        let hint = match resp.status {
            401 => {
                " (the token was refused twice: is the Entra app added to the Partner Center account?)"
            }
            403 => {
                " (the Entra app lacks the Manager role in Partner Center, or the product belongs to another account)"
            }
            404 => " (not found: check --product-id and --api-url)",
            _ => "",
        };
        format!("{what}: {}{hint}", describe_response(resp))
    }

    /// All items of a paged collection (at most 50 pages).
    pub(super) fn list(&self, url: &str, what: &str) -> R<Vec<Value>> {
        let mut out = Vec::new();
        let mut next = Some(url.to_string());
        let mut pages = 0;
        while let Some(u) = next.take() {
            let (v, _) = self.expect(Method::Get, &u, what)?;
            out.extend(items(&v));
            pages += 1;
            if pages >= 50 {
                break;
            }
            next = next_link(&v).and_then(|l| self.resolve_link(&l));
        }
        Ok(out)
    }

    /// Resolve a `nextLink` against the API base; links to other hosts are ignored (a bearer
    /// token is never sent elsewhere).
    pub(super) fn resolve_link(&self, link: &str) -> Option<String> {
        let base = self.opts.api_url.trim_end_matches('/');
        if link.starts_with("http://") || link.starts_with("https://") {
            let host = |u: &str| {
                reqwest::Url::parse(u).ok().map(|p| {
                    (
                        p.scheme().to_string(),
                        p.host_str().map(str::to_string),
                        p.port_or_known_default(),
                    )
                })
            };
            return (host(link) == host(base)).then(|| link.to_string());
        }
        let rel = link.trim_start_matches('/');
        let rel = rel.strip_prefix("v1.0/ingestion/").unwrap_or(rel);
        Some(format!("{base}/{rel}"))
    }

    /// Run the steps in order.
    pub(crate) fn run(&mut self, steps: &[Step]) -> R<()> {
        for step in steps {
            self.exec(*step)?;
        }
        Ok(())
    }

    pub(super) fn exec(&mut self, step: Step) -> R<()> {
        let log = self.log;
        match step {
            Step::Token => {
                self.tokens.get(self.http, log).map_err(Failure::Error)?;
            }
            Step::GetProduct => {
                let (v, _) = self.expect(Method::Get, &self.product(), "reading the product")?;
                let ty = field(&v, &["resourceType"]);
                let name = field(&v, &["name"]).unwrap_or_default();
                log(&format!(
                    "product {} \"{name}\" ({})",
                    self.opts.product_id,
                    ty.as_deref().unwrap_or("unknown type")
                ));
                self.outcome.product_type = ty;
            }
            Step::ListSubmissions => {
                let all = self.list(
                    &format!("{}/submissions", self.product()),
                    "listing submissions",
                )?;
                self.known_submissions = all.iter().filter_map(id_of).collect();
                self.latest_submission = all.iter().rev().find_map(id_of);
            }
            Step::CheckLatestSubmission => {
                let Some(sid) = self.latest_submission.clone() else {
                    log("no earlier submission");
                    return Ok(());
                };
                let (v, _) = self.expect(
                    Method::Get,
                    &format!("{}/submissions/{sid}", self.product()),
                    "reading the latest submission",
                )?;
                let (st, sub) = (state_of(&v), substate_of(&v));
                log(&format!("latest submission {sid}: {st}/{sub}"));
                if blocks_new_submission(&st, &sub) {
                    if !self.opts.force {
                        return err(format!(
                            "submission {sid} is in progress ({st}/{sub}); wait for it to finish, or cancel it with --force"
                        ));
                    }
                } else {
                    // Nothing to cancel.
                    self.latest_submission = None;
                }
            }
            Step::CancelInProgress => {
                let Some(sid) = self.latest_submission.clone() else {
                    return Ok(());
                };
                log(&format!(
                    "cancelling in-progress submission {sid} (--force)"
                ));
                let resp = self
                    .call(
                        Method::Delete,
                        &format!("{}/submissions/{sid}", self.product()),
                        None,
                        None,
                        Idempotency::Safe,
                    )
                    .map_err(|e| Failure::Error(format!("cancelling submission {sid}: {e}")))?;
                if !resp.ok() && resp.status != 404 {
                    return err(self.explain(&format!("cancelling submission {sid}"), &resp));
                }
                self.outcome.cancelled_submission_id = Some(sid);
            }
            Step::GetPackageBranch => {
                let branches = self.list(
                    &format!("{}/branches/getByModule(module=Package)", self.product()),
                    "reading the Package branch",
                )?;
                let no_variant = |b: &&Value| field(b, &["variantID", "variantId"]).is_none();
                let branch = branches
                    .iter()
                    .find(no_variant)
                    .or_else(|| branches.first())
                    .ok_or_else(|| Failure::Error("the product has no Package branch".into()))?;
                let iid = field(
                    branch,
                    &["currentDraftInstanceID", "currentDraftInstanceId"],
                )
                .ok_or_else(|| {
                    Failure::Error("the Package branch has no currentDraftInstanceID".into())
                })?;
                log(&format!("Package branch draft instance {iid}"));
                self.outcome.package_branch_instance_id = Some(iid.clone());
                self.draft_instance = Some(iid);
            }
            Step::GetPackageConfiguration => {
                let iid = self.draft_instance.clone().unwrap_or_default();
                let url = format!(
                    "{}/packageConfigurations/getByInstanceID(instanceID={iid})",
                    self.product()
                );
                let (v, resp) =
                    self.expect(Method::Get, &url, "reading the package configuration")?;
                let list = items(&v);
                let [cfg] = list.as_slice() else {
                    return err(format!(
                        "expected exactly one package configuration for instance {iid}, got {}",
                        list.len()
                    ));
                };
                let cid = id_of(cfg)
                    .ok_or_else(|| Failure::Error("the package configuration has no id".into()))?;
                let etag = etag_of(cfg, &resp).ok_or_else(|| {
                    Failure::Error("the package configuration has no @odata.etag".into())
                })?;
                let referenced = cfg
                    .get("packageReferences")
                    .map(items)
                    .unwrap_or_default()
                    .iter()
                    .find_map(|r| field(r, &["type"]));
                let ptype = self.opts.package_type.clone().or(referenced).ok_or_else(|| {
                    Failure::Error(
                        "the package configuration references no package type; pass --package-type".into(),
                    )
                })?;
                log(&format!(
                    "package configuration {cid}, package type {ptype}"
                ));
                self.outcome.package_configuration_id = Some(cid);
                self.outcome.package_type = Some(ptype);
                self.configuration = Some((cfg.clone(), etag));
            }
            Step::CreatePackage => self.create_package()?,
            Step::UploadPackage => {
                let sas = self
                    .file_sas_uri
                    .clone()
                    .ok_or_else(|| Failure::Error("no fileSasUri to upload to".into()))?;
                let r = upload::put_blob(self.http, &sas, self.package, log)
                    .map_err(|m| Failure::Error(format!("uploading the package: {m}")))?;
                log(&format!("uploaded {} bytes, sha256 {}", r.bytes, r.sha256));
                self.outcome.upload = Some(r);
            }
            Step::MarkUploaded => self.mark_uploaded()?,
            Step::WaitProcessed => self.wait_processed()?,
            Step::UpdatePackageConfiguration => self.update_configuration()?,
            Step::CreateSubmission => self.create_submission()?,
            Step::WaitSubmission => self.wait_submission()?,
            Step::Promote => self.promote()?,
        }
        Ok(())
    }
}
