//! The submission steps: create the submission, follow its workflow, promote it.

use super::*;

impl Session<'_> {
    pub(super) fn find_created_submission(&self) -> R<Option<Value>> {
        let all = self.list(
            &format!("{}/submissions", self.product()),
            "listing submissions",
        )?;
        Ok(all
            .into_iter()
            .rev()
            .find(|s| id_of(s).is_some_and(|id| !self.known_submissions.contains(&id))))
    }

    pub(super) fn create_submission(&mut self) -> R<()> {
        let log = self.log;
        let body = json!({
            "resourceType": "SubmissionCreationRequest",
            "targets": [{"type": "Scope", "value": "preview"}],
            "resources": [{"type": "Package", "value": self.draft_instance.clone().unwrap_or_default()}],
        });
        let url = format!("{}/submissions", self.product());
        let (v, _) = self.create_checked(
            &url,
            &body,
            "the submission",
            "another submission may be in progress (see Partner Center, or re-run with --force)",
            &|s: &Self| s.find_created_submission(),
        )?;
        let sid =
            id_of(&v).ok_or_else(|| Failure::Error("the created submission has no id".into()))?;
        log(&format!(
            "submission {sid} created ({}/{})",
            state_of(&v),
            substate_of(&v)
        ));
        self.outcome.submission_id = Some(sid);
        self.outcome.submission_state = Some(state_of(&v));
        self.outcome.submission_substate = Some(substate_of(&v));
        self.submission = Some(v);
        Ok(())
    }

    pub(super) fn wait_submission(&mut self) -> R<()> {
        let sid = self.outcome.submission_id.clone().unwrap_or_default();
        let surl = format!("{}/submissions/{sid}", self.product());
        let mut shown = String::new();
        let started = Instant::now();
        loop {
            let (v, _) = self.expect(Method::Get, &surl, "reading the submission")?;
            let (st, sub) = (state_of(&v), substate_of(&v));
            let (wf, _) = self.expect(
                Method::Get,
                &format!("{surl}/workflowdetails"),
                "reading the workflow details",
            )?;
            let steps = workflow_steps(&wf);
            self.outcome.submission_state = Some(st.clone());
            self.outcome.submission_substate = Some(sub.clone());
            self.outcome.workflow = steps.clone();
            let line = format!(
                "submission {sid}: {st}/{sub}{}",
                steps
                    .iter()
                    .map(|s| format!("; {}: {}", s.name, s.state))
                    .collect::<String>()
            );
            if line != shown {
                (self.log)(&format!("[{:>4}s] {line}", started.elapsed().as_secs()));
                shown = line;
            }
            let failed_step = steps
                .iter()
                .find(|s| !matches!(s.state.as_str(), "NotStarted" | "InProgress" | "Success"));
            if failed_substate(&sub) || failed_step.is_some() {
                self.outcome.validation_messages = self.validations(&surl);
                let what = match failed_step {
                    Some(s) => format!("step \"{}\" ended {}", s.name, s.state),
                    None => format!("{st}/{sub}"),
                };
                let detail = if self.outcome.validation_messages.is_empty() {
                    String::new()
                } else {
                    format!(": {}", self.outcome.validation_messages.join("; "))
                };
                return Err(Failure::Rejected(format!(
                    "submission {sid} failed: {what}{detail}"
                )));
            }
            if st == "Published" && matches!(sub.as_str(), "ReadyToPublish" | "InStore") {
                self.submission = Some(v);
                return Ok(());
            }
            self.pause(&format!("waiting for submission {sid} ({st}/{sub})"))?;
        }
    }

    /// Validation messages of a failed submission (best effort).
    pub(super) fn validations(&self, surl: &str) -> Vec<String> {
        match self.call(
            Method::Get,
            &format!("{surl}/validations"),
            None,
            None,
            Idempotency::Safe,
        ) {
            Ok(r) if r.ok() => r
                .json()
                .map(|v| validation_messages(&v))
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    pub(super) fn promote(&mut self) -> R<()> {
        let sid = self.outcome.submission_id.clone().unwrap_or_default();
        let st = self.outcome.submission_state.clone().unwrap_or_default();
        let sub = self.outcome.submission_substate.clone().unwrap_or_default();
        if st == "Published" && sub == "InStore" {
            (self.log)(&format!("submission {sid} is already live (InStore)"));
            return Ok(());
        }
        if !(st == "Published" && sub == "ReadyToPublish") {
            return err(format!(
                "not going live: submission {sid} is {st}/{sub}, not Published/ReadyToPublish"
            ));
        }
        (self.log)(&format!("going live with submission {sid} (--go-live)"));
        let url = format!("{}/submissions/{sid}/promote", self.product());
        let resp = self
            .call(Method::Post, &url, None, None, Idempotency::CreateOnce)
            .map_err(|e| {
                Failure::Error(format!(
                    "promoting submission {sid}: {e} (check Partner Center before retrying)"
                ))
            })?;
        if !resp.ok() {
            return err(self.explain(&format!("promoting submission {sid}"), &resp));
        }
        if let Some(v) = resp.json() {
            let (st, sub) = (state_of(&v), substate_of(&v));
            if !st.is_empty() {
                self.outcome.submission_state = Some(st);
                self.outcome.submission_substate = Some(sub);
            }
        }
        self.outcome.promoted = true;
        Ok(())
    }
}
