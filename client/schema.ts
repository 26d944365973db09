// Generated from the route table by `npm run client:generate` (openapi-typescript). Do not edit.

export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The web console for approvers and operators (a single page; sign in with an API key)
         * @description Served by the API process from its own build (no CDN: works offline). The page itself needs no key; it keeps the key the person signs in with in the browser session and calls `/v1` with it.
         *
         *     **Auth:** No authentication.
         */
        get: operations["getConsolePage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/console/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A module or the style sheet of the console's build
         * @description **Auth:** No authentication.
         */
        get: operations["getConsoleAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The API docs page (Swagger UI, served from this server: works offline)
         * @description **Auth:** No authentication.
         */
        get: operations["getDocsPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs/assets/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A script or style sheet of the docs page
         * @description **Auth:** No authentication.
         */
        get: operations["getDocsAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/artifacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an artifact's content
         * @description The signed URL a artifact carries as `signed_url` (15 minutes): no API key. `ETag` is the sha256; one byte range gets 206, an unsatisfiable one 416. Tampered or expired: 403. Content whose hash no longer matches is never served (500 `artifact_integrity_error`).
         *
         *     **Auth:** No API key: the signature in the URL is the authorization.
         */
        get: operations["downloadArtifact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/files/uploads/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an uploaded file's content
         * @description The signed URL a file carries as `signed_url` (15 minutes): no API key. `ETag` is the sha256; one byte range gets 206, an unsatisfiable one 416. Tampered or expired: 403. Content whose hash no longer matches is never served (500 `file_integrity_error`).
         *
         *     **Auth:** No API key: the signature in the URL is the authorization.
         */
        get: operations["downloadFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process answers
         * @description **Auth:** No authentication.
         */
        get: operations["liveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This process's Prometheus metrics
         * @description Prometheus text exposition: tasks by status and agent, create-to-started latency, activity durations and failures, approvals waiting, webhook deliveries by outcome, SSE clients, event-feed lag and HTTP latency by route. Open to loopback clients; any other scraper sends `Authorization: Bearer <METRICS_TOKEN>` (no token configured: loopback only).
         *
         *     **Auth:** No authentication.
         */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Its database and Temporal answer too
         * @description **Auth:** No authentication.
         */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-callbacks/{execution_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The execution's state (`GET {callback_url}`)
         * @description `approval.status` turns from `pending` to the decision once the task runs again; `cancel_requested: true` means stop working.
         *
         *     **Auth:** No API key: the execution's callback token (`callback_token` in the dispatch to the registered agent) as the bearer token, valid while that execution runs.
         */
        get: operations["getCallbackState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-callbacks/{execution_id}/approval": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for approval; the task waits in `awaiting_approval`
         * @description With the task type's approval timeout and policy. The agent learns the decision from a later heartbeat's answer or by polling `GET {callback_url}`, and must heartbeat again once the task runs.
         *
         *     **Auth:** No API key: the execution's callback token (`callback_token` in the dispatch to the registered agent) as the bearer token, valid while that execution runs.
         *
         *     Ask before sending:
         *
         *     ```sh
         *     curl -X POST "$CALLBACK_URL/approval" -H "Authorization: Bearer $CALLBACK_TOKEN" -H "Content-Type: application/json" -d '{"title":"Send the report?"}'
         *     ```
         */
        post: operations["callbackApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-callbacks/{execution_id}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report an artifact; counts as a heartbeat
         * @description Its `type` must be one the task type `emits`. Recorded with the next `approval` or `complete`. A file artifact (up to `FILE_MAX_BYTES`) needs `type` and `display_name` in the query.
         *
         *     **Auth:** No API key: the execution's callback token (`callback_token` in the dispatch to the registered agent) as the bearer token, valid while that execution runs.
         *
         *     A structured artifact:
         *
         *     ```sh
         *     curl -X POST "$CALLBACK_URL/artifacts" -H "Authorization: Bearer $CALLBACK_TOKEN" -H "Content-Type: application/json" -d '{"type":"text.stats","display_name":"Word count","data":{"words":3}}'
         *     ```
         *
         *     A file artifact:
         *
         *     ```sh
         *     curl -X POST "$CALLBACK_URL/artifacts?type=text.report&display_name=report.csv" -H "Authorization: Bearer $CALLBACK_TOKEN" -H "Content-Type: text/csv" --data-binary @report.csv
         *     ```
         */
        post: operations["callbackArtifact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-callbacks/{execution_id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete the task with this output and the artifacts reported
         * @description **Auth:** No API key: the execution's callback token (`callback_token` in the dispatch to the registered agent) as the bearer token, valid while that execution runs.
         *
         *     Done:
         *
         *     ```sh
         *     curl -X POST "$CALLBACK_URL/complete" -H "Authorization: Bearer $CALLBACK_TOKEN" -H "Content-Type: application/json" -d '{"output":{"words":3}}'
         *     ```
         */
        post: operations["callbackComplete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-callbacks/{execution_id}/fail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fail the task with this error
         * @description `retryable: true`: dispatched again while the task type's attempts last.
         *
         *     **Auth:** No API key: the execution's callback token (`callback_token` in the dispatch to the registered agent) as the bearer token, valid while that execution runs.
         *
         *     A failure:
         *
         *     ```sh
         *     curl -X POST "$CALLBACK_URL/fail" -H "Authorization: Bearer $CALLBACK_TOKEN" -H "Content-Type: application/json" -d '{"code":"source_unreadable","message":"The text could not be read"}'
         *     ```
         */
        post: operations["callbackFail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-callbacks/{execution_id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Still alive
         * @description Heartbeats the waiting agent activity; an agent silent for its task type's `heartbeat_timeout_ms` has failed the attempt. The answer's `cancel_requested: true` means the task was cancelled or stopped: stop working (the token is refused from then on).
         *
         *     **Auth:** No API key: the execution's callback token (`callback_token` in the dispatch to the registered agent) as the bearer token, valid while that execution runs.
         *
         *     A heartbeat:
         *
         *     ```sh
         *     curl -X POST "$CALLBACK_URL/heartbeat" -H "Authorization: Bearer $CALLBACK_TOKEN" -H "Content-Type: application/json" -d '{}'
         *     ```
         */
        post: operations["callbackHeartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agent-callbacks/{execution_id}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report progress (`task.progress`); counts as a heartbeat
         * @description **Auth:** No API key: the execution's callback token (`callback_token` in the dispatch to the registered agent) as the bearer token, valid while that execution runs.
         *
         *     Half done:
         *
         *     ```sh
         *     curl -X POST "$CALLBACK_URL/progress" -H "Authorization: Bearer $CALLBACK_TOKEN" -H "Content-Type: application/json" -d '{"fraction":0.5,"message":"counting words"}'
         *     ```
         */
        post: operations["callbackProgress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The agent manifests, built-in and registered
         * @description The built-in agents and the tenant's registered (remote) ones (`kind`): task types with their input as JSON Schema, emitted artifact types, timeout, heartbeat timeout, retry and approval policy, and the skills (tools) the agent may call.
         *
         *     **Auth:** Any API key of the tenant.
         */
        get: operations["listAgents"];
        put?: never;
        /**
         * Register a remote agent
         * @description An HTTP service in any language, reached at `endpoint` (https; plain http only with `OUTBOUND_ALLOW_PRIVATE_NETWORKS`; the outbound URL policy applies) with each execution signed by `secret` (shown only as `secret_hint`). Each task type publishes a JSON Schema that task inputs must match. A slug that is a built-in agent's name is a 409 `built_in_agent`, one the tenant already registered a 409 `agent_exists`.
         *
         *     **Auth:** An admin API key.
         *
         *     A word counter in Python (README, Remote agents):
         *
         *     ```sh
         *     curl -X POST $BASE/v1/agents -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"slug":"word-counter","name":"Word counter","description":"Counts words, in Python","endpoint":"https://agents.example.com/word-counter","secret":"my-agent-secret-0123456789","task_types":{"text.count":{"description":"Counts the words of a text","emits":["text.stats"],"input_schema":{"type":"object","properties":{"text":{"type":"string"}},"required":["text"],"additionalProperties":false},"heartbeat_timeout_ms":5000}}}'
         *     ```
         */
        post: operations["registerAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agents/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One agent's manifest, by slug or alias
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["getAgent"];
        put?: never;
        post?: never;
        /**
         * Remove a registered agent
         * @description Tasks still on it fail at their next attempt. A built-in agent's name is a 409 `built_in_agent`.
         *
         *     **Auth:** An admin API key.
         */
        delete: operations["deleteAgent"];
        options?: never;
        head?: never;
        /**
         * Change a registered agent
         * @description Any field but the slug; `task_types` replaces them all. A built-in agent's name is a 409 `built_in_agent`.
         *
         *     **Auth:** An admin API key.
         */
        patch: operations["updateAgent"];
        trace?: never;
    };
    "/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's API keys
         * @description **Auth:** An admin API key.
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Issue an API key (shown once, stored as a sha256 hash)
         * @description `user_email` names the person using the key: the owner of what it creates, `mine`, the approver.
         *
         *     **Auth:** An admin API key.
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Refused by this process at once and by every other within a second. A key cannot revoke itself (409): another admin key does it.
         *
         *     **Auth:** An admin API key.
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List approvals, oldest first
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listApprovals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approvals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an approval
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["getApproval"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approvals/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve
         * @description The approver recorded is the key's `user_email`, else `api-key:<name>`. A decision the workflow refuses (already decided, expired) is a 409.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     With a comment:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/approvals/apr_…/approve -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"comment": "Looks good"}'
         *     ```
         */
        post: operations["approveApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/approvals/{id}/deny": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deny
         * @description The approver recorded is the key's `user_email`, else `api-key:<name>`. A decision the workflow refuses (already decided, expired) is a 409.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     With a comment:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/approvals/apr_…/deny -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"comment": "Looks good"}'
         *     ```
         */
        post: operations["denyApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenant's artifacts, newest first
         * @description **Auth:** Any API key of the tenant.
         *
         *     Tasks & Artifacts (seed 000): a task’s artifacts:
         *
         *     ```sh
         *     curl "$BASE/v1/artifacts?task_id=task_…" -H "Authorization: Bearer $KEY"
         *     ```
         */
        get: operations["listArtifacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artifacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read an artifact (file artifacts with a fresh signed URL)
         * @description **Auth:** Any API key of the tenant.
         *
         *     Tasks & Artifacts (seed 000):
         *
         *     ```sh
         *     curl $BASE/v1/artifacts/art_… -H "Authorization: Bearer $KEY"
         *     ```
         */
        get: operations["getArtifact"];
        put?: never;
        post?: never;
        /**
         * Delete an artifact and its content (409 while its task is unfinished)
         * @description **Auth:** Any API key of the tenant.
         */
        delete: operations["deleteArtifact"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artifacts/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve an approval-gated artifact
         * @description The same decision as on its approval (`POST /v1/approvals/:id/approve` or `/deny`); approving runs its effect once.
         *
         *     **Auth:** Any API key of the tenant.
         */
        post: operations["approveArtifact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/artifacts/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject an approval-gated artifact
         * @description The same decision as on its approval (`POST /v1/approvals/:id/approve` or `/deny`); approving runs its effect once.
         *
         *     **Auth:** Any API key of the tenant.
         */
        post: operations["rejectArtifact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channel-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's channel rules, oldest first
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listChannelRules"];
        put?: never;
        /**
         * Start a task for each matching inbound message
         * @description Each of `match`'s fields is a case-insensitive substring or a `/regex/flags`. `input_template` is JSON whose strings may hold `{{from}}`, `{{subject}}` and `{{text}}`; a string that is just `{{attachments}}` becomes the attachments' file IDs; without one the input is `{from, subject, text, attachments}`. The template must yield an input the agent accepts (a 400 on `start.input_template` otherwise).
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     Echo every invoice mail:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/channel-rules -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"channel": "email", "match": {"subject": "invoice"}, "start": {"agent": "echo", "input_template": {"message": "{{from}}: {{subject}}"}}}'
         *     ```
         */
        post: operations["createChannelRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channel-rules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a channel rule
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["getChannelRule"];
        put?: never;
        post?: never;
        /**
         * Delete a channel rule; the tasks it started stay
         * @description **Auth:** Any API key of the tenant.
         */
        delete: operations["deleteChannelRule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The channels with a relay secret (its last four characters only)
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listChannels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set the secret relays sign the channel's messages with
         * @description **Auth:** An admin API key.
         *
         *     A mail relay:
         *
         *     ```sh
         *     curl -X PUT $BASE/v1/channels/email -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"secret": "a-long-random-relay-secret"}'
         *     ```
         */
        put: operations["setChannelSecret"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/channels/{channel}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The messages a channel received, newest first, with the tasks each started
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listChannelMessages"];
        put?: never;
        /**
         * Receive an inbound email or chat message
         * @description Stored with its attachments as files (purpose `channel_attachment`; a `url` is fetched through the outbound URL policy, one it cannot fetch is a 400 naming it); each of the tenant's rules for the channel that matches starts its task in the same transaction. A bad or missing signature is a 401.
         *
         *     **Auth:** Any API key of the tenant, or a relay's signature instead: `X-Taskwright-Signature: sha256=<hex HMAC-SHA256 of the raw body with the channel's secret>` and the tenant's ID in `X-Taskwright-Tenant`.
         *
         *     A mail relay:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/channels/email/messages -H "X-Taskwright-Tenant: ten_…" -H "X-Taskwright-Signature: sha256=$(printf %s "$BODY" | openssl dgst -sha256 -hmac "$SECRET" -hex | cut -d' ' -f2)" -H "Content-Type: application/json" -d "$BODY"
         *     ```
         */
        post: operations["receiveChannelMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's event log, in seq order
         * @description `after` and `before` are ISO 8601 timestamps (exclusive).
         *
         *     **Auth:** Any API key of the tenant.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events of the tenant’s event log
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["streamEvents"];
        put?: never;
        /**
         * The same stream, its filters in a form or JSON body
         * @description What the seed’s `curl -N … --data-urlencode "task_id=…"` sends; a filter in the body takes precedence over the same one in the query.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     Events API (seed 002):
         *
         *     ```sh
         *     curl -N $BASE/v1/events/stream -H "Authorization: Bearer $KEY" -H "Accept: text/event-stream" --data-urlencode "task_id=task_…"
         *     ```
         */
        post: operations["streamEventsWithForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's files, newest first
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listFiles"];
        put?: never;
        /**
         * Upload a file for tasks to use
         * @description Streamed into the content store, never held whole. A file larger than `FILE_MAX_BYTES` is a 413 and nothing of it is kept.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     A multipart upload:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/files -H "Authorization: Bearer $KEY" -F file=@evidence.zip -F purpose=evidence
         *     ```
         *
         *     Raw bytes:
         *
         *     ```sh
         *     curl -X POST "$BASE/v1/files?name=policy.pdf&purpose=evidence" -H "Authorization: Bearer $KEY" -H "Content-Type: application/pdf" --data-binary @policy.pdf
         *     ```
         */
        post: operations["uploadFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a file, with a fresh signed URL
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["getFile"];
        put?: never;
        post?: never;
        /**
         * Delete a file; tasks that name it find it gone
         * @description **Auth:** Any API key of the tenant.
         */
        delete: operations["deleteFile"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the caller is: its API key (name, role, user) and tenant
         * @description What a console shows after sign-in; a bad or revoked key is the usual 401.
         *
         *     **Auth:** Any API key of the tenant.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document: OpenAPI 3.1, generated from the route table the server runs
         * @description **Auth:** No authentication.
         */
        get: operations["getOpenApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's artifact retention and draft expiry
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["getRetention"];
        /**
         * Change them; a new retention window applies to existing artifacts too
         * @description **Auth:** An admin API key.
         */
        put: operations["updateRetention"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's schedules, oldest first
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listSchedules"];
        put?: never;
        /**
         * Create a recurring task
         * @description A Temporal Schedule of the same ID starts one ordinary task per scheduled time (`trigger: {type: "schedule"}`). Exactly one of `cron` and `interval_seconds`; the input is validated against the agent's manifest; a cron or time zone Temporal refuses is a 400 naming the field.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     Weekday mornings in Berlin:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/schedules -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"agent": "echo", "input": {"message": "good morning"}, "cron": "0 9 * * MON-FRI", "timezone": "Europe/Berlin"}'
         *     ```
         */
        post: operations["createSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a schedule
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["getSchedule"];
        put?: never;
        post?: never;
        /**
         * Delete a schedule; the tasks it started stay
         * @description **Auth:** Any API key of the tenant.
         */
        delete: operations["deleteSchedule"];
        options?: never;
        head?: never;
        /**
         * Change a schedule
         * @description Any of the create fields but the agent and task type; a `cron` replaces an `interval_seconds` and the other way round.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     Pause it and run hourly:
         *
         *     ```sh
         *     curl -X PATCH $BASE/v1/schedules/sch_… -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"interval_seconds": 3600, "paused": true}'
         *     ```
         */
        patch: operations["updateSchedule"];
        trace?: never;
    };
    "/v1/schedules/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a schedule
         * @description **Auth:** Any API key of the tenant.
         */
        post: operations["pauseSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/trigger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start one run now, paused or not, whatever the overlap policy
         * @description **Auth:** Any API key of the tenant.
         */
        post: operations["triggerSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/schedules/{id}/unpause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused schedule
         * @description **Auth:** Any API key of the tenant.
         */
        post: operations["unpauseSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's sessions, newest first
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listSessions"];
        put?: never;
        /**
         * Open a session
         * @description Tasks join it with `session_id` (an unknown session is a 404, a closed one a 409).
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     A support conversation:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/sessions -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"title": "Onboarding ACME", "metadata": {"ticket": "T-1042"}}'
         *     ```
         */
        post: operations["createSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A session with its tasks and messages
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a session
         * @description Records `session.closed`; the session then refuses new tasks, reruns and messages (409). Closing it again is a 409.
         *
         *     **Auth:** Any API key of the tenant.
         */
        post: operations["closeSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sessions/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post a message to a session
         * @description Recorded as `session.message`. If a task of the session waits in `needs_clarification` (the oldest, if several do), the message is its answer (`answered_task_id`). A closed session is a 409.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     Answer the waiting question:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/sessions/ses_…/messages -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"text": "Use the EU AI Act", "from": "alex@acme.com"}'
         *     ```
         */
        post: operations["postSessionMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the tenant's tasks, newest first
         * @description Paged either with `cursor` and `limit` (answer `{tasks, next_cursor}`) or with `page` and `per_page` or `perPage` (answer `{data, pagination}`). `status` also takes the seed spellings `in_progress` and `completed`.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     AGNT (seed 004): mine, page and perPage:
         *
         *     ```sh
         *     curl "$BASE/v1/tasks?status=in_progress&mine=true&page=1&perPage=10" -H "Authorization: Bearer $KEY"
         *     ```
         */
        get: operations["listTasks"];
        put?: never;
        /**
         * Create a task
         * @description Starts the agent on the task (202, `queued`), or keeps it `pending` until `process` with `"defer": true` (the default for an AGNT-shaped create with `assistant`). `agent`, `agent_id` and `assistant` all name the agent. With an `Idempotency-Key` header, the same key and body answer the same task; another body is a 409.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     Tasks & Artifacts (seed 000): agent_id:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/tasks -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"agent_id": "ai-readiness-agent", "task_type": "ai_readiness.full_audit", "input": {"scope": "full", "focus_framework": "eu_ai_act"}}'
         *     ```
         *
         *     Tasks API (seed 001): agent:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/tasks -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"agent": "echo", "task_type": "echo", "input": {"message": "hello"}, "priority": "normal"}'
         *     ```
         *
         *     AGNT (seed 004): assistant, created pending:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/tasks -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"title": "Draft Q2 OKRs document", "assistant": "echo", "description": "Create a first draft of Q2 OKRs.", "type": "document-creation", "skills": ["document-drafting", "data-analysis"]}'
         *     ```
         */
        post: operations["createTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a task
         * @description From PostgreSQL (works while workers are down); `?consistency=strong` also asks the workflow, and answers 503 when it cannot.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     Poll a task (seeds 000, 004):
         *
         *     ```sh
         *     curl $BASE/v1/tasks/task_… -H "Authorization: Bearer $KEY"
         *     ```
         */
        get: operations["getTask"];
        /**
         * Edit a task's details
         * @description Title, description, type, skills and followers; status changes only through the commands.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     AGNT (seed 004):
         *
         *     ```sh
         *     curl -X PUT $BASE/v1/tasks/task_… -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"title": "Schedule Q2 planning meeting (updated)", "description": "Find a 90-minute slot. Leadership team plus new VP of Product."}'
         *     ```
         */
        put: operations["updateTask"];
        post?: never;
        /**
         * Cancel an unfinished task, or delete a finished one
         * @description A finished task is deleted with its events, artifacts and workflow history.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     Tasks API (seed 001), AGNT (seed 004):
         *
         *     ```sh
         *     curl -X DELETE $BASE/v1/tasks/task_… -H "Authorization: Bearer $KEY"
         *     ```
         */
        delete: operations["deleteTask"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A task's artifacts, oldest first
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listTaskArtifacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/assignees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace a task's assignees (a set)
         * @description **Auth:** Any API key of the tenant.
         *
         *     AGNT (seed 004):
         *
         *     ```sh
         *     curl -X PUT $BASE/v1/tasks/task_…/assignees -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"emails": ["jane@example.com", "bob@example.com"]}'
         *     ```
         */
        put: operations["replaceAssignees"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an unfinished task
         * @description Answers the task as it was when asked; it ends `cancelled` shortly after.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     Tasks & Artifacts (seed 000):
         *
         *     ```sh
         *     curl -X POST $BASE/v1/tasks/task_…/cancel -H "Authorization: Bearer $KEY"
         *     ```
         */
        post: operations["cancelTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Like or dislike the work (null clears it)
         * @description **Auth:** Any API key of the tenant.
         *
         *     AGNT (seed 004):
         *
         *     ```sh
         *     curl -X POST $BASE/v1/tasks/task_…/feedback -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"status": "like"}'
         *     ```
         */
        post: operations["giveFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a pending task, resume one on hold, or answer its question
         * @description Each starts a new execution. `files` are uploads (`file_id`) or documents at http(s) URLs.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     AGNT (seed 004):
         *
         *     ```sh
         *     curl -X POST $BASE/v1/tasks/task_…/process -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"message": "Prioritize mornings if possible."}'
         *     ```
         */
        post: operations["processTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/rerun": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a task again as a new task
         * @description A new task of the same agent and task type, in the same session, with the same input unless `input` gives another (validated like a create); its `trigger` is `{type: "rerun", source_id}`. A closed session is a 409; a tenant at TENANT_MAX_QUEUED_TASKS a 429.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     With another input:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/tasks/task_…/rerun -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"input": {"message": "again"}}'
         *     ```
         */
        post: operations["rerunTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/{id}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Halt the running execution; the task waits on_hold
         * @description **Auth:** Any API key of the tenant.
         *
         *     AGNT (seed 004):
         *
         *     ```sh
         *     curl -X POST $BASE/v1/tasks/task_…/stop -H "Authorization: Bearer $KEY"
         *     ```
         */
        post: operations["stopTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tenants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a tenant and its first admin key
         * @description **Auth:** An admin API key of the operator tenant (the dev key's tenant).
         */
        post: operations["createTenant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/triggers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's triggers, oldest first
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listTriggers"];
        put?: never;
        /**
         * Start a task whenever an artifact of a type is recorded
         * @description The task starts in the transaction that records the artifact (`trigger: {type: "event", source_id, source_task_id, source_artifact_id}`); `input_map` fields are taken from the artifact as `GET /v1/artifacts/{id}` shows it or from its task as `GET /v1/tasks/{id}` does. A trigger that would start itself again, directly or through others, is a 409 `trigger_cycle` naming the chain.
         *
         *     **Auth:** Any API key of the tenant.
         *
         *     Summarise every audit report:
         *
         *     ```sh
         *     curl -X POST $BASE/v1/triggers -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"on": {"artifact_type": "ai_readiness.audit_report"}, "start": {"agent": "ai-readiness", "task_type": "ai_readiness.gap_summary"}, "input_map": {"report_artifact_id": "$.artifact.artifact_id"}}'
         *     ```
         */
        post: operations["createTrigger"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/triggers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a trigger
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["getTrigger"];
        put?: never;
        post?: never;
        /**
         * Delete a trigger; the tasks it started stay
         * @description **Auth:** Any API key of the tenant.
         */
        delete: operations["deleteTrigger"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The tenant's subscriptions
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Subscribe to events
         * @description The secret signs deliveries (`X-Ariftly-Signature`) and is only ever shown as `secret_hint`; a URL the outbound policy refuses is a 400 naming `url`.
         *
         *     **Auth:** An admin API key.
         *
         *     Tasks & Artifacts (seed 000):
         *
         *     ```sh
         *     curl -X POST $BASE/v1/webhooks -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{"url": "https://your-system.com/hooks/ariftly", "events": ["task.complete", "task.failed"], "secret": "your_webhook_secret"}'
         *     ```
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a subscription
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /**
         * Unsubscribe; its deliveries stop
         * @description **Auth:** An admin API key.
         */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log, newest first, with every attempt
         * @description **Auth:** Any API key of the tenant.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deliver an event again, as a new delivery
         * @description **Auth:** An admin API key.
         */
        post: operations["redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Agent: {
            aliases: string[];
            default_task_type: string;
            description: string;
            /** @description A registered agent's endpoint */
            endpoint?: string;
            /**
             * @description `registered`: a remote agent of this tenant (POST /v1/agents)
             * @enum {string}
             */
            kind: "built_in" | "registered";
            name: string;
            skills: {
                description: string;
                /** @description A JSON Schema (draft 2020-12) */
                input_schema: {
                    [key: string]: unknown;
                };
                name: string;
            }[];
            slug: string;
            task_types: {
                approval: {
                    /** @enum {string} */
                    on_timeout: "fail" | "continue";
                    timeout_ms: number;
                };
                description: string;
                emits: string[];
                heartbeat_timeout_ms: number;
                /** @description A JSON Schema (draft 2020-12) */
                input_schema: {
                    [key: string]: unknown;
                };
                name: string;
                retry: {
                    maximum_attempts: number;
                };
                timeout_ms: number;
            }[];
        };
        AgentCallbackArtifact: {
            approval: {
                approval_id: string | null;
                comment: string | null;
                /** @enum {string} */
                status: "pending" | "approved" | "denied" | "expired" | "cancelled";
            } | null;
            artifact_id: string;
            cancel_requested: boolean;
            execution_id: string;
            status: string;
            task_id: string;
        };
        AgentCallbackState: {
            approval: {
                approval_id: string | null;
                comment: string | null;
                /** @enum {string} */
                status: "pending" | "approved" | "denied" | "expired" | "cancelled";
            } | null;
            cancel_requested: boolean;
            execution_id: string;
            status: string;
            task_id: string;
        };
        ApiKey: {
            /** Format: date-time */
            created_at: string;
            id: string;
            /** Format: date-time */
            last_used_at: string | null;
            name: string;
            prefix: string;
            /** Format: date-time */
            revoked_at: string | null;
            /** @enum {string} */
            role: "admin" | "member" | "approver";
            user_email: string | null;
        };
        Approval: {
            approval_id: string;
            artifact_id: string | null;
            comment: string | null;
            /** Format: date-time */
            decided_at: string | null;
            decided_by: string | null;
            description: string | null;
            /** Format: date-time */
            expires_at: string | null;
            /** Format: date-time */
            requested_at: string;
            /** @enum {string} */
            status: "pending" | "approved" | "denied" | "expired" | "cancelled";
            task_id: string;
            title: string;
        };
        Artifact: {
            /** @enum {string} */
            approval_status: "not_required" | "pending" | "approved" | "rejected" | "expired";
            artifact_id: string;
            /** Format: date-time */
            created_at: string;
            /** @description The structured content (JSON), if any */
            data?: unknown;
            display_name: string;
            /** Format: date-time */
            expires_at: string | null;
            mime_type: string;
            run_id: string;
            sha256: string | null;
            /** @description File artifacts: a download URL valid for 15 minutes */
            signed_url?: string;
            /** Format: date-time */
            signed_url_expires_at?: string;
            size_bytes: number;
            task_id: string;
            tenant_id: string;
            type: string;
            workflow_id: string;
        };
        CancelRequestedTask: {
            /** @description The audit trail: status changes, messages, updates, assignments, feedback, approvals */
            activities: ({
                from: string | null;
                question?: string;
                /** Format: date-time */
                timestamp: string;
                to: string | null;
                /** @enum {string} */
                type: "status_change";
            } | {
                files: unknown[];
                text: string | null;
                /** Format: date-time */
                timestamp: string;
                /** @enum {string} */
                type: "message";
            } | {
                approval_id: string;
                artifact_id: string | null;
                /** Format: date-time */
                timestamp: string;
                title: string;
                /** @enum {string} */
                type: "approval_requested";
            } | {
                approval_id: string;
                by: string | null;
                comment: string | null;
                decision: string;
                /** Format: date-time */
                timestamp: string;
                /** @enum {string} */
                type: "approval_resolved";
            } | {
                /** @description Any JSON value */
                by?: unknown;
                /** @description Any JSON value */
                from?: unknown;
                /** Format: date-time */
                timestamp: string;
                /** @description Any JSON value */
                to?: unknown;
                /** @enum {string} */
                type: "feedback" | "assignment";
            } | {
                /** @description Any JSON value */
                by?: unknown;
                fields: {
                    [key: string]: {
                        /** @description Any JSON value */
                        from?: unknown;
                        /** @description Any JSON value */
                        to?: unknown;
                    };
                };
                /** Format: date-time */
                timestamp: string;
                /** @enum {string} */
                type: "update";
            })[];
            agent: string;
            artifacts: {
                artifact_id: string;
                /** Format: date-time */
                created_at: string;
                type: string;
            }[];
            assigned_users: string[];
            /** @enum {boolean} */
            cancel_requested: true;
            /** Format: date-time */
            completed_at: string | null;
            /**
             * @description Present when the workflow itself was asked (`?consistency=strong`)
             * @enum {string}
             */
            consistency?: "strong";
            /** Format: date-time */
            created_at: string;
            description: string | null;
            error: {
                code: string;
                message: string | null;
            } | null;
            executions: {
                /** Format: date-time */
                completed_at: string | null;
                id: string;
                output_summary: string | null;
                /** Format: date-time */
                started_at: string;
                /** @enum {string} */
                status: "running" | "complete" | "failed" | "cancelled" | "stopped" | "awaiting_input";
            }[];
            /** @enum {string|null} */
            feedback: "like" | "dislike" | null;
            followers: string[];
            input: {
                [key: string]: unknown;
            };
            links: {
                /** @description The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null */
                temporal_ui: string | null;
            };
            /** @description Any JSON value */
            output?: unknown;
            owner_email: string | null;
            /** @enum {string} */
            priority: "low" | "normal" | "high";
            progress: {
                fraction: number;
                message: string | null;
            };
            session_id: string | null;
            skills: string[];
            /** Format: date-time */
            started_at: string | null;
            /** @enum {string} */
            status: "pending" | "queued" | "running" | "awaiting_approval" | "needs_clarification" | "on_hold" | "complete" | "failed" | "cancelled";
            task_id: string;
            task_type: string;
            tenant_id: string;
            title: string | null;
            trigger: {
                /** @description A channel rule: the channel of the message */
                channel?: string;
                /** @description An event trigger: that artifact */
                source_artifact_id?: string;
                /** @description The schedule, trigger, channel rule or rerun task that started it */
                source_id: string | null;
                /** @description An event trigger: the task whose artifact started it */
                source_task_id?: string;
                /** @description `api`, `dashboard`, `schedule`, `event`, `channel` or `rerun` */
                type: string;
            };
            type: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        Event: {
            agent: string | null;
            /** Format: date-time */
            created_at: string;
            /** @description The event type’s payload */
            data?: unknown;
            event_id: string;
            seq: number;
            task_id: string | null;
            tenant_id: string;
            type: string;
        };
        File: {
            /** Format: date-time */
            created_at: string;
            file_id: string;
            mime_type: string;
            name: string;
            purpose: string | null;
            sha256: string;
            /** @description A download URL valid for 15 minutes */
            signed_url: string;
            /** Format: date-time */
            signed_url_expires_at: string;
            size_bytes: number;
            tenant_id: string;
        };
        IssuedApiKey: {
            /** Format: date-time */
            created_at: string;
            id: string;
            /** @description The key itself; shown once */
            key: string;
            /** Format: date-time */
            last_used_at: string | null;
            name: string;
            prefix: string;
            /** Format: date-time */
            revoked_at: string | null;
            /** @enum {string} */
            role: "admin" | "member" | "approver";
            user_email: string | null;
        };
        Me: {
            api_key: {
                id: string;
                name: string;
                prefix: string;
                /** @enum {string} */
                role: "admin" | "member" | "approver";
                user_email: string | null;
            };
            tenant: {
                name: string;
                /** @description The operator tenant (its admin keys may create tenants) */
                operator: boolean;
                tenant_id: string;
            };
        };
        Problem: {
            /** @description Stable, machine-readable reason, e.g. `validation_failed` */
            code: string;
            detail: string;
            /** @description For 400s: each offending field */
            errors?: {
                field: string;
                /** @enum {string} */
                in: "body" | "query" | "path" | "header";
                message: string;
            }[];
            instance: string;
            request_id: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        RegisteredAgent: {
            aliases: string[];
            /** Format: date-time */
            created_at: string;
            default_task_type: string;
            description: string;
            /** @description A registered agent's endpoint */
            endpoint?: string;
            /**
             * @description `registered`: a remote agent of this tenant (POST /v1/agents)
             * @enum {string}
             */
            kind: "built_in" | "registered";
            name: string;
            /** @description The secret's last characters */
            secret_hint: string;
            skills: {
                description: string;
                /** @description A JSON Schema (draft 2020-12) */
                input_schema: {
                    [key: string]: unknown;
                };
                name: string;
            }[];
            slug: string;
            task_types: {
                approval: {
                    /** @enum {string} */
                    on_timeout: "fail" | "continue";
                    timeout_ms: number;
                };
                description: string;
                emits: string[];
                heartbeat_timeout_ms: number;
                /** @description A JSON Schema (draft 2020-12) */
                input_schema: {
                    [key: string]: unknown;
                };
                name: string;
                retry: {
                    maximum_attempts: number;
                };
                timeout_ms: number;
            }[];
            /** Format: date-time */
            updated_at: string;
        };
        Retention: {
            /** @description null keeps artifacts forever */
            artifact_retention_days: number | null;
            draft_expiry_days: number;
        };
        Task: {
            /** @description The audit trail: status changes, messages, updates, assignments, feedback, approvals */
            activities: ({
                from: string | null;
                question?: string;
                /** Format: date-time */
                timestamp: string;
                to: string | null;
                /** @enum {string} */
                type: "status_change";
            } | {
                files: unknown[];
                text: string | null;
                /** Format: date-time */
                timestamp: string;
                /** @enum {string} */
                type: "message";
            } | {
                approval_id: string;
                artifact_id: string | null;
                /** Format: date-time */
                timestamp: string;
                title: string;
                /** @enum {string} */
                type: "approval_requested";
            } | {
                approval_id: string;
                by: string | null;
                comment: string | null;
                decision: string;
                /** Format: date-time */
                timestamp: string;
                /** @enum {string} */
                type: "approval_resolved";
            } | {
                /** @description Any JSON value */
                by?: unknown;
                /** @description Any JSON value */
                from?: unknown;
                /** Format: date-time */
                timestamp: string;
                /** @description Any JSON value */
                to?: unknown;
                /** @enum {string} */
                type: "feedback" | "assignment";
            } | {
                /** @description Any JSON value */
                by?: unknown;
                fields: {
                    [key: string]: {
                        /** @description Any JSON value */
                        from?: unknown;
                        /** @description Any JSON value */
                        to?: unknown;
                    };
                };
                /** Format: date-time */
                timestamp: string;
                /** @enum {string} */
                type: "update";
            })[];
            agent: string;
            artifacts: {
                artifact_id: string;
                /** Format: date-time */
                created_at: string;
                type: string;
            }[];
            assigned_users: string[];
            /** Format: date-time */
            completed_at: string | null;
            /**
             * @description Present when the workflow itself was asked (`?consistency=strong`)
             * @enum {string}
             */
            consistency?: "strong";
            /** Format: date-time */
            created_at: string;
            description: string | null;
            error: {
                code: string;
                message: string | null;
            } | null;
            executions: {
                /** Format: date-time */
                completed_at: string | null;
                id: string;
                output_summary: string | null;
                /** Format: date-time */
                started_at: string;
                /** @enum {string} */
                status: "running" | "complete" | "failed" | "cancelled" | "stopped" | "awaiting_input";
            }[];
            /** @enum {string|null} */
            feedback: "like" | "dislike" | null;
            followers: string[];
            input: {
                [key: string]: unknown;
            };
            links: {
                /** @description The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null */
                temporal_ui: string | null;
            };
            /** @description Any JSON value */
            output?: unknown;
            owner_email: string | null;
            /** @enum {string} */
            priority: "low" | "normal" | "high";
            progress: {
                fraction: number;
                message: string | null;
            };
            session_id: string | null;
            skills: string[];
            /** Format: date-time */
            started_at: string | null;
            /** @enum {string} */
            status: "pending" | "queued" | "running" | "awaiting_approval" | "needs_clarification" | "on_hold" | "complete" | "failed" | "cancelled";
            task_id: string;
            task_type: string;
            tenant_id: string;
            title: string | null;
            trigger: {
                /** @description A channel rule: the channel of the message */
                channel?: string;
                /** @description An event trigger: that artifact */
                source_artifact_id?: string;
                /** @description The schedule, trigger, channel rule or rerun task that started it */
                source_id: string | null;
                /** @description An event trigger: the task whose artifact started it */
                source_task_id?: string;
                /** @description `api`, `dashboard`, `schedule`, `event`, `channel` or `rerun` */
                type: string;
            };
            type: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        TaskListItem: {
            agent: string;
            artifacts: {
                artifact_id: string;
                /** Format: date-time */
                created_at: string;
                type: string;
            }[];
            assigned_users: string[];
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            description: string | null;
            error: {
                code: string;
                message: string | null;
            } | null;
            executions: {
                /** Format: date-time */
                completed_at: string | null;
                id: string;
                output_summary: string | null;
                /** Format: date-time */
                started_at: string;
                /** @enum {string} */
                status: "running" | "complete" | "failed" | "cancelled" | "stopped" | "awaiting_input";
            }[];
            /** @enum {string|null} */
            feedback: "like" | "dislike" | null;
            followers: string[];
            input: {
                [key: string]: unknown;
            };
            links: {
                /** @description The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null */
                temporal_ui: string | null;
            };
            /** @description Any JSON value */
            output?: unknown;
            owner_email: string | null;
            /** @enum {string} */
            priority: "low" | "normal" | "high";
            progress: {
                fraction: number;
                message: string | null;
            };
            session_id: string | null;
            skills: string[];
            /** Format: date-time */
            started_at: string | null;
            /** @enum {string} */
            status: "pending" | "queued" | "running" | "awaiting_approval" | "needs_clarification" | "on_hold" | "complete" | "failed" | "cancelled";
            task_id: string;
            task_type: string;
            tenant_id: string;
            title: string | null;
            trigger: {
                /** @description A channel rule: the channel of the message */
                channel?: string;
                /** @description An event trigger: that artifact */
                source_artifact_id?: string;
                /** @description The schedule, trigger, channel rule or rerun task that started it */
                source_id: string | null;
                /** @description An event trigger: the task whose artifact started it */
                source_task_id?: string;
                /** @description `api`, `dashboard`, `schedule`, `event`, `channel` or `rerun` */
                type: string;
            };
            type: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        Webhook: {
            /** Format: date-time */
            created_at: string;
            events: string[];
            /** Format: date-time */
            failing_since: string | null;
            /** @description The last characters of the secret, never the secret */
            secret_hint: string;
            /** @enum {string} */
            status: "active" | "failing";
            url: string;
            webhook_id: string;
        };
        WebhookDelivery: {
            attempt_count: number;
            attempts: {
                attempt: number;
                error: string | null;
                latency_ms: number;
                /** Format: date-time */
                next_attempt_at: string | null;
                /** Format: date-time */
                started_at: string;
                status_code: number | null;
            }[];
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            delivery_id: string;
            event_id: string;
            event_type: string;
            /** Format: date-time */
            next_attempt_at: string | null;
            redelivery_of: string | null;
            status: string;
            webhook_id: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getConsolePage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getConsoleAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description e.g. `main.js`, `console.css` */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The asset (`text/javascript` or `text/css`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getDocsPage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The page */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    getDocsAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: "swagger-ui.css" | "swagger-ui-bundle.js";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The asset (`text/css` or `text/javascript`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadArtifact: {
        parameters: {
            query: {
                expires: string;
                signature: string;
                tenant: string;
            };
            header?: never;
            path: {
                /** @description The artifact or file ID the URL was signed for */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The content, with its own Content-Type */
            200: {
                headers: {
                    /** @description The sha256, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes start-end/size */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The range lies beyond the content (no body) */
            416: {
                headers: {
                    /** @description bytes *\/size */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The server failed; the `request_id` finds it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    downloadFile: {
        parameters: {
            query: {
                expires: string;
                signature: string;
                tenant: string;
            };
            header?: never;
            path: {
                /** @description The artifact or file ID the URL was signed for */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The content, with its own Content-Type */
            200: {
                headers: {
                    /** @description The sha256, quoted */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description The requested byte range */
            206: {
                headers: {
                    /** @description bytes start-end/size */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The range lies beyond the content (no body) */
            416: {
                headers: {
                    /** @description bytes *\/size */
                    "Content-Range"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The server failed; the `request_id` finds it in the logs */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    liveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; version=0.0.4; charset=utf-8": string;
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            database: {
                                error?: string;
                                ok: boolean;
                            };
                            temporal: {
                                error?: string;
                                ok: boolean;
                            };
                        };
                        /** @enum {string} */
                        status: "ready" | "not_ready";
                    };
                };
            };
            /** @description Not ready: the checks say which dependency failed */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            database: {
                                error?: string;
                                ok: boolean;
                            };
                            temporal: {
                                error?: string;
                                ok: boolean;
                            };
                        };
                        /** @enum {string} */
                        status: "ready" | "not_ready";
                    };
                };
            };
        };
    };
    getCallbackState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The execution (`execution_id` in the dispatch) */
                execution_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The execution's state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentCallbackState"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong callback token, or its execution has ended (completed, failed, cancelled, stopped or dispatched again) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callbackApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The execution (`execution_id` in the dispatch) */
                execution_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    description?: string;
                    title: string;
                };
            };
        };
        responses: {
            /** @description The execution's state */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentCallbackState"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong callback token, or its execution has ended (completed, failed, cancelled, stopped or dispatched again) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callbackArtifact: {
        parameters: {
            query?: {
                /** @description A file artifact: its name */
                display_name?: string;
                /** @description A file artifact: its type, one the task type `emits` */
                type?: string;
            };
            header?: never;
            path: {
                /** @description The execution (`execution_id` in the dispatch) */
                execution_id: string;
            };
            cookie?: never;
        };
        /** @description A structured artifact as JSON `{type, display_name, mime_type?, data}`; or a file: `multipart/form-data` with the file in the field `file`, or its raw bytes with their own `Content-Type`. */
        requestBody: {
            content: {
                "application/json": {
                    data: {
                        [key: string]: unknown;
                    };
                    display_name: string;
                    /** @default application/json */
                    mime_type?: string;
                    type: string;
                };
                "application/octet-stream": string;
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                    purpose?: string;
                };
            };
        };
        responses: {
            /** @description Received */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentCallbackArtifact"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong callback token, or its execution has ended (completed, failed, cancelled, stopped or dispatched again) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callbackComplete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The execution (`execution_id` in the dispatch) */
                execution_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    output: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description The execution's state */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentCallbackState"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong callback token, or its execution has ended (completed, failed, cancelled, stopped or dispatched again) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callbackFail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The execution (`execution_id` in the dispatch) */
                execution_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    code: string;
                    message: string;
                    /** @default false */
                    retryable?: boolean;
                };
            };
        };
        responses: {
            /** @description The execution's state */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentCallbackState"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong callback token, or its execution has ended (completed, failed, cancelled, stopped or dispatched again) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callbackHeartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The execution (`execution_id` in the dispatch) */
                execution_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    details?: unknown;
                };
            };
        };
        responses: {
            /** @description The execution's state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentCallbackState"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong callback token, or its execution has ended (completed, failed, cancelled, stopped or dispatched again) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    callbackProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The execution (`execution_id` in the dispatch) */
                execution_id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    fraction: number;
                    message?: string;
                };
            };
        };
        responses: {
            /** @description The execution's state */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentCallbackState"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing or wrong callback token, or its execution has ended (completed, failed, cancelled, stopped or dispatched again) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAgents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every agent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agents: components["schemas"]["Agent"][];
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    registerAgent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    default_task_type?: string;
                    /** @default  */
                    description?: string;
                    endpoint: string;
                    name: string;
                    secret: string;
                    slug: string;
                    task_types: {
                        [key: string]: {
                            /**
                             * @default {
                             *       "timeout_ms": 604800000,
                             *       "on_timeout": "fail"
                             *     }
                             */
                            approval?: {
                                /**
                                 * @default fail
                                 * @enum {string}
                                 */
                                on_timeout?: "fail" | "continue";
                                /** @default 604800000 */
                                timeout_ms?: number;
                            };
                            description: string;
                            /** @default [] */
                            emits?: string[];
                            /** @default 30000 */
                            heartbeat_timeout_ms?: number;
                            /** @description A JSON Schema (draft 2020-12) */
                            input_schema: {
                                [key: string]: unknown;
                            };
                            /** @default 3 */
                            maximum_attempts?: number;
                            /** @default 3600000 */
                            timeout_ms?: number;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description The registered agent */
            201: {
                headers: {
                    /** @description The agent: `/v1/agents/{slug}` */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredAgent"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An agent slug or alias */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An agent slug or alias */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAgent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An agent slug or alias */
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    default_task_type?: string;
                    description?: string;
                    endpoint?: string;
                    name?: string;
                    secret?: string;
                    task_types?: {
                        [key: string]: {
                            /**
                             * @default {
                             *       "timeout_ms": 604800000,
                             *       "on_timeout": "fail"
                             *     }
                             */
                            approval?: {
                                /**
                                 * @default fail
                                 * @enum {string}
                                 */
                                on_timeout?: "fail" | "continue";
                                /** @default 604800000 */
                                timeout_ms?: number;
                            };
                            description: string;
                            /** @default [] */
                            emits?: string[];
                            /** @default 30000 */
                            heartbeat_timeout_ms?: number;
                            /** @description A JSON Schema (draft 2020-12) */
                            input_schema: {
                                [key: string]: unknown;
                            };
                            /** @default 3 */
                            maximum_attempts?: number;
                            /** @default 3600000 */
                            timeout_ms?: number;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description The registered agent */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegisteredAgent"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every key, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        api_keys: components["schemas"]["ApiKey"][];
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * @default member
                     * @enum {string}
                     */
                    role?: "admin" | "member" | "approver";
                    /** Format: email */
                    user_email?: string;
                };
            };
        };
        responses: {
            /** @description The key */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKey"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An API key ID */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The revoked key */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApprovals: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "pending" | "approved" | "denied" | "expired" | "cancelled";
                task_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of approvals */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approvals: components["schemas"]["Approval"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An approval ID (apr_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The approval */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Approval"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An approval ID (apr_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description The approval after the decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approval_id: string;
                        artifact_id: string | null;
                        comment: string | null;
                        /** Format: date-time */
                        decided_at: string | null;
                        decided_by: string | null;
                        description: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        /** Format: date-time */
                        requested_at: string;
                        /** @enum {string} */
                        status: "pending" | "approved" | "denied" | "expired" | "cancelled";
                        task_id: string;
                        /** @description The task's status after the decision */
                        task_status: string;
                        title: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    denyApproval: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An approval ID (apr_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description The approval after the decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        approval_id: string;
                        artifact_id: string | null;
                        comment: string | null;
                        /** Format: date-time */
                        decided_at: string | null;
                        decided_by: string | null;
                        description: string | null;
                        /** Format: date-time */
                        expires_at: string | null;
                        /** Format: date-time */
                        requested_at: string;
                        /** @enum {string} */
                        status: "pending" | "approved" | "denied" | "expired" | "cancelled";
                        task_id: string;
                        /** @description The task's status after the decision */
                        task_status: string;
                        title: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listArtifacts: {
        parameters: {
            query?: {
                approval_status?: "not_required" | "pending" | "approved" | "rejected" | "expired";
                cursor?: string;
                limit?: number;
                run_id?: string;
                task_id?: string;
                type?: string;
                workflow_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of artifacts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        artifacts: components["schemas"]["Artifact"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An artifact ID (art_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The artifact */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Artifact"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An artifact ID (art_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        artifact_id: string;
                        /** @enum {boolean} */
                        deleted: true;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    approveArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An artifact ID (art_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description The artifact after the decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Artifact"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rejectArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An artifact ID (art_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    comment?: string;
                };
            };
        };
        responses: {
            /** @description The artifact after the decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Artifact"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChannelRules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every rule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channel_rules: {
                            /** @enum {string} */
                            channel: "email" | "chat";
                            created_at: string;
                            match: {
                                from?: string;
                                subject?: string;
                                text?: string;
                            };
                            rule_id: string;
                            start: {
                                agent: string;
                                input_template: {
                                    [key: string]: unknown;
                                } | null;
                                task_type: string;
                            };
                        }[];
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createChannelRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    channel: "email" | "chat";
                    /** @default {} */
                    match?: {
                        from?: string;
                        subject?: string;
                        text?: string;
                    };
                    start: {
                        agent: string;
                        input_template?: {
                            [key: string]: unknown;
                        };
                        task_type?: string;
                    };
                };
            };
        };
        responses: {
            /** @description The rule */
            201: {
                headers: {
                    /** @description The rule's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        channel: "email" | "chat";
                        created_at: string;
                        match: {
                            from?: string;
                            subject?: string;
                            text?: string;
                        };
                        rule_id: string;
                        start: {
                            agent: string;
                            input_template: {
                                [key: string]: unknown;
                            } | null;
                            task_type: string;
                        };
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getChannelRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A channel rule ID (rule_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        channel: "email" | "chat";
                        created_at: string;
                        match: {
                            from?: string;
                            subject?: string;
                            text?: string;
                        };
                        rule_id: string;
                        start: {
                            agent: string;
                            input_template: {
                                [key: string]: unknown;
                            } | null;
                            task_type: string;
                        };
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteChannelRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A channel rule ID (rule_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        deleted: true;
                        rule_id: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every configured channel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channels: {
                            channel: string;
                            secret_last4: string;
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setChannelSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The channel: `email` or `chat` */
                channel: "email" | "chat";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    secret: string;
                };
            };
        };
        responses: {
            /** @description The channel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        channel: string;
                        secret_last4: string;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listChannelMessages: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description The channel: `email` or `chat` */
                channel: "email" | "chat";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        messages: {
                            attachments: string[];
                            channel: string;
                            created_at: string;
                            from: string;
                            matched: boolean;
                            message_id: string;
                            subject: string | null;
                            tasks: {
                                rule_id: string;
                                task_id: string;
                            }[];
                            text: string;
                        }[];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    receiveChannelMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The channel: `email` or `chat` */
                channel: "email" | "chat";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    attachments?: {
                        content_base64?: string;
                        mime_type?: string;
                        name: string;
                        /** Format: uri */
                        url?: string;
                    }[];
                    from: string;
                    subject?: string;
                    text: string;
                };
            };
        };
        responses: {
            /** @description The stored message and the tasks it started */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attachments: string[];
                        channel: string;
                        matched: boolean;
                        message_id: string;
                        tasks: {
                            rule_id: string;
                            task_id: string;
                        }[];
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listEvents: {
        parameters: {
            query?: {
                after?: string;
                agent?: string;
                before?: string;
                cursor?: string;
                limit?: number;
                task_id?: string;
                type?: "task.created" | "task.progress" | "task.complete" | "task.failed" | "task.cancelled" | "task.status_changed" | "task.updated" | "artifact.emitted" | "approval.requested" | "approval.resolved" | "session.message" | "session.closed" | "tool_call.executed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: components["schemas"]["Event"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamEvents: {
        parameters: {
            query?: {
                agent?: string;
                last_event_id?: string;
                task_id?: string;
                types?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream: first the events after `Last-Event-ID` (header, or `last_event_id`), then live ones; `: keep-alive` comments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        /** @description The Event, as JSON */
                        data: string;
                        /** @description The event's type, e.g. task.completed */
                        event: string;
                        /** @description The event's seq (what Last-Event-ID resumes from) */
                        id?: string;
                        retry?: number;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    streamEventsWithForm: {
        parameters: {
            query?: {
                agent?: string;
                last_event_id?: string;
                task_id?: string;
                types?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    agent?: string;
                    last_event_id?: string;
                    task_id?: string;
                    types?: string;
                };
                "application/x-www-form-urlencoded": {
                    agent?: string;
                    last_event_id?: string;
                    task_id?: string;
                    types?: string;
                };
            };
        };
        responses: {
            /** @description The stream: first the events after `Last-Event-ID` (header, or `last_event_id`), then live ones; `: keep-alive` comments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        /** @description The Event, as JSON */
                        data: string;
                        /** @description The event's type, e.g. task.completed */
                        event: string;
                        /** @description The event's seq (what Last-Event-ID resumes from) */
                        id?: string;
                        retry?: number;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFiles: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                purpose?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of files */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        files: components["schemas"]["File"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    uploadFile: {
        parameters: {
            query?: {
                name?: string;
                purpose?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description `multipart/form-data` with the file in the field `file` and an optional `purpose`; or the raw bytes with `?name=` and the file’s own `Content-Type`. */
        requestBody: {
            content: {
                "application/octet-stream": string;
                "multipart/form-data": {
                    /** Format: binary */
                    file: string;
                    purpose?: string;
                };
            };
        };
        responses: {
            /** @description The stored file */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["File"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A file ID (file_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["File"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A file ID (file_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        deleted: true;
                        file_id: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key and its tenant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOpenApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    getRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Retention"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateRetention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    artifact_retention_days?: number | null;
                    draft_expiry_days?: number;
                };
            };
        };
        responses: {
            /** @description The settings now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Retention"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSchedules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every schedule */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        schedules: {
                            agent: string;
                            catchup_window_seconds: number | null;
                            created_at: string;
                            cron: string | null;
                            input: {
                                [key: string]: unknown;
                            };
                            interval_seconds: number | null;
                            jitter_seconds: number | null;
                            links: {
                                /** @description The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null */
                                temporal_ui: string | null;
                            };
                            next_runs: string[];
                            /** @enum {string} */
                            overlap: "skip" | "buffer_one" | "allow_all";
                            paused: boolean;
                            recent_tasks: {
                                created_at: string;
                                status: string;
                                task_id: string;
                            }[];
                            schedule_id: string;
                            task_type: string;
                            timezone: string;
                            title: string | null;
                            updated_at: string;
                        }[];
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    agent: string;
                    catchup_window_seconds?: number;
                    cron?: string;
                    /** @default {} */
                    input?: {
                        [key: string]: unknown;
                    };
                    interval_seconds?: number;
                    jitter_seconds?: number;
                    /** @enum {string} */
                    overlap?: "skip" | "buffer_one" | "allow_all";
                    /** @default false */
                    paused?: boolean;
                    task_type?: string;
                    timezone?: string;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description The schedule */
            201: {
                headers: {
                    /** @description The schedule's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agent: string;
                        catchup_window_seconds: number | null;
                        created_at: string;
                        cron: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        interval_seconds: number | null;
                        jitter_seconds: number | null;
                        links: {
                            /** @description The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null */
                            temporal_ui: string | null;
                        };
                        next_runs: string[];
                        /** @enum {string} */
                        overlap: "skip" | "buffer_one" | "allow_all";
                        paused: boolean;
                        recent_tasks: {
                            created_at: string;
                            status: string;
                            task_id: string;
                        }[];
                        schedule_id: string;
                        task_type: string;
                        timezone: string;
                        title: string | null;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A schedule ID (sch_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule, with its next runs and recent tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agent: string;
                        catchup_window_seconds: number | null;
                        created_at: string;
                        cron: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        interval_seconds: number | null;
                        jitter_seconds: number | null;
                        links: {
                            /** @description The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null */
                            temporal_ui: string | null;
                        };
                        next_runs: string[];
                        /** @enum {string} */
                        overlap: "skip" | "buffer_one" | "allow_all";
                        paused: boolean;
                        recent_tasks: {
                            created_at: string;
                            status: string;
                            task_id: string;
                        }[];
                        schedule_id: string;
                        task_type: string;
                        timezone: string;
                        title: string | null;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A schedule ID (sch_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        deleted: true;
                        schedule_id: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A schedule ID (sch_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    catchup_window_seconds?: number;
                    cron?: string;
                    input?: {
                        [key: string]: unknown;
                    };
                    interval_seconds?: number;
                    jitter_seconds?: number;
                    /** @enum {string} */
                    overlap?: "skip" | "buffer_one" | "allow_all";
                    paused?: boolean;
                    timezone?: string;
                    title?: string | null;
                };
            };
        };
        responses: {
            /** @description The schedule, with its next runs and recent tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agent: string;
                        catchup_window_seconds: number | null;
                        created_at: string;
                        cron: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        interval_seconds: number | null;
                        jitter_seconds: number | null;
                        links: {
                            /** @description The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null */
                            temporal_ui: string | null;
                        };
                        next_runs: string[];
                        /** @enum {string} */
                        overlap: "skip" | "buffer_one" | "allow_all";
                        paused: boolean;
                        recent_tasks: {
                            created_at: string;
                            status: string;
                            task_id: string;
                        }[];
                        schedule_id: string;
                        task_type: string;
                        timezone: string;
                        title: string | null;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    pauseSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A schedule ID (sch_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule, with its next runs and recent tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agent: string;
                        catchup_window_seconds: number | null;
                        created_at: string;
                        cron: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        interval_seconds: number | null;
                        jitter_seconds: number | null;
                        links: {
                            /** @description The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null */
                            temporal_ui: string | null;
                        };
                        next_runs: string[];
                        /** @enum {string} */
                        overlap: "skip" | "buffer_one" | "allow_all";
                        paused: boolean;
                        recent_tasks: {
                            created_at: string;
                            status: string;
                            task_id: string;
                        }[];
                        schedule_id: string;
                        task_type: string;
                        timezone: string;
                        title: string | null;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    triggerSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A schedule ID (sch_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule, with its next runs and recent tasks */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agent: string;
                        catchup_window_seconds: number | null;
                        created_at: string;
                        cron: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        interval_seconds: number | null;
                        jitter_seconds: number | null;
                        links: {
                            /** @description The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null */
                            temporal_ui: string | null;
                        };
                        next_runs: string[];
                        /** @enum {string} */
                        overlap: "skip" | "buffer_one" | "allow_all";
                        paused: boolean;
                        recent_tasks: {
                            created_at: string;
                            status: string;
                            task_id: string;
                        }[];
                        schedule_id: string;
                        task_type: string;
                        timezone: string;
                        title: string | null;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    unpauseSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A schedule ID (sch_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule, with its next runs and recent tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        agent: string;
                        catchup_window_seconds: number | null;
                        created_at: string;
                        cron: string | null;
                        input: {
                            [key: string]: unknown;
                        };
                        interval_seconds: number | null;
                        jitter_seconds: number | null;
                        links: {
                            /** @description The run in the Temporal Web UI: for admin keys, or for every key once the operator sets TEMPORAL_UI_URL; otherwise null */
                            temporal_ui: string | null;
                        };
                        next_runs: string[];
                        /** @enum {string} */
                        overlap: "skip" | "buffer_one" | "allow_all";
                        paused: boolean;
                        recent_tasks: {
                            created_at: string;
                            status: string;
                            task_id: string;
                        }[];
                        schedule_id: string;
                        task_type: string;
                        timezone: string;
                        title: string | null;
                        updated_at: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "open" | "closed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of sessions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        next_cursor: string | null;
                        sessions: {
                            closed_at: string | null;
                            created_at: string;
                            metadata: {
                                [key: string]: unknown;
                            };
                            session_id: string;
                            /** @enum {string} */
                            status: "open" | "closed";
                            title: string | null;
                        }[];
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @default {} */
                    metadata?: {
                        [key: string]: unknown;
                    };
                    title?: string;
                };
            };
        };
        responses: {
            /** @description The session */
            201: {
                headers: {
                    /** @description The session's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        closed_at: string | null;
                        created_at: string;
                        metadata: {
                            [key: string]: unknown;
                        };
                        session_id: string;
                        /** @enum {string} */
                        status: "open" | "closed";
                        title: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A session ID (ses_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session, its tasks (as `GET /v1/tasks` lists them) and its messages */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        closed_at: string | null;
                        created_at: string;
                        messages: {
                            answered_task_id: string | null;
                            created_at: string;
                            from: string | null;
                            message_id: string;
                            session_id: string;
                            text: string;
                        }[];
                        metadata: {
                            [key: string]: unknown;
                        };
                        session_id: string;
                        /** @enum {string} */
                        status: "open" | "closed";
                        tasks: components["schemas"]["TaskListItem"][];
                        title: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A session ID (ses_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The closed session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        closed_at: string | null;
                        created_at: string;
                        metadata: {
                            [key: string]: unknown;
                        };
                        session_id: string;
                        /** @enum {string} */
                        status: "open" | "closed";
                        title: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    postSessionMessage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A session ID (ses_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    from?: string;
                    text: string;
                };
            };
        };
        responses: {
            /** @description The message */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        answered_task_id: string | null;
                        created_at: string;
                        from: string | null;
                        message_id: string;
                        session_id: string;
                        text: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                agent?: string;
                cursor?: string;
                limit?: number;
                mine?: "true" | "false";
                page?: number;
                per_page?: number;
                perPage?: number;
                search?: string;
                session_id?: string;
                status?: string;
                type?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of tasks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        next_cursor: string | null;
                        tasks: components["schemas"]["TaskListItem"][];
                    } | {
                        data: components["schemas"]["TaskListItem"][];
                        pagination: {
                            page: number;
                            per_page: number;
                            total: number;
                        };
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTask: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    agent?: string;
                    agent_id?: string;
                    assigned_users?: string[];
                    assignedUsers?: string[];
                    assistant?: string;
                    defer?: boolean;
                    description?: string;
                    /** @default [] */
                    followers?: string[];
                    /** @default {} */
                    input?: {
                        [key: string]: unknown;
                    };
                    /** Format: email */
                    owner_email?: string;
                    /** Format: email */
                    ownerEmail?: string;
                    /**
                     * @default normal
                     * @enum {string}
                     */
                    priority?: "low" | "normal" | "high";
                    session_id?: string;
                    /** @default [] */
                    skills?: string[];
                    task_type?: string;
                    title?: string;
                    trigger?: {
                        /** @enum {string} */
                        type: "dashboard";
                    };
                    type?: string;
                };
            };
        };
        responses: {
            /** @description The created (or, with an Idempotency-Key, replayed) task */
            202: {
                headers: {
                    /** @description `true` when this answers an earlier request with the same Idempotency-Key */
                    "Idempotent-Replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: {
                consistency?: "eventual" | "strong";
            };
            header?: never;
            path: {
                /** @description A task ID (task_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task record */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A task ID (task_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    description?: string | null;
                    followers?: string[];
                    skills?: string[];
                    /** @description Not editable here: any value is refused with a 400 saying where status changes are made */
                    status?: unknown;
                    title?: string | null;
                    type?: string | null;
                };
            };
        };
        responses: {
            /** @description The task record, after the change is recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A task ID (task_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was done */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        cancelled: true;
                        task_id: string;
                    } | {
                        /** @enum {boolean} */
                        deleted: true;
                        task_id: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTaskArtifacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A task ID (task_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The artifacts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        artifacts: components["schemas"]["Artifact"][];
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    replaceAssignees: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A task ID (task_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    emails: string[];
                };
            };
        };
        responses: {
            /** @description The task record, after the change is recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A task ID (task_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancellation requested */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CancelRequestedTask"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    giveFeedback: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A task ID (task_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @enum {string|null} */
                    status: "like" | "dislike" | null;
                };
            };
        };
        responses: {
            /** @description The task record, after the change is recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    processTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A task ID (task_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    files?: {
                        file_id?: string;
                        mime_type?: string;
                        name?: string;
                        /** Format: uri */
                        url?: string;
                    }[];
                    message?: string;
                };
            };
        };
        responses: {
            /** @description The task record, after the change is recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rerunTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A task ID (task_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    input?: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description The new task */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    stopTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A task ID (task_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task record, after the change is recorded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Task"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Temporal is unreachable or no worker answered in time; `Retry-After` says when to try again */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTenant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    name: string;
                };
            };
        };
        responses: {
            /** @description The tenant and its key (shown once) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        api_key: components["schemas"]["IssuedApiKey"];
                        tenant: {
                            /** Format: date-time */
                            created_at: string;
                            name: string;
                            tenant_id: string;
                        };
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listTriggers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every trigger */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        triggers: {
                            created_at: string;
                            input_map: {
                                [key: string]: string;
                            };
                            on: {
                                agent: string | null;
                                artifact_type: string;
                            };
                            start: {
                                agent: string;
                                input: {
                                    [key: string]: unknown;
                                };
                                task_type: string;
                            };
                            trigger_id: string;
                        }[];
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    input_map?: {
                        [key: string]: string;
                    };
                    on: {
                        agent?: string;
                        artifact_type: string;
                    };
                    start: {
                        agent: string;
                        /** @default {} */
                        input?: {
                            [key: string]: unknown;
                        };
                        task_type?: string;
                    };
                };
            };
        };
        responses: {
            /** @description The trigger */
            201: {
                headers: {
                    /** @description The trigger's URL */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        input_map: {
                            [key: string]: string;
                        };
                        on: {
                            agent: string | null;
                            artifact_type: string;
                        };
                        start: {
                            agent: string;
                            input: {
                                [key: string]: unknown;
                            };
                            task_type: string;
                        };
                        trigger_id: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A trigger ID (trg_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trigger */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created_at: string;
                        input_map: {
                            [key: string]: string;
                        };
                        on: {
                            agent: string | null;
                            artifact_type: string;
                        };
                        start: {
                            agent: string;
                            input: {
                                [key: string]: unknown;
                            };
                            task_type: string;
                        };
                        trigger_id: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteTrigger: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A trigger ID (trg_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        deleted: true;
                        trigger_id: string;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every subscription, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        webhooks: components["schemas"]["Webhook"][];
                    };
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    events: ("task.created" | "task.progress" | "task.complete" | "task.failed" | "task.cancelled" | "task.status_changed" | "task.updated" | "artifact.emitted" | "approval.requested" | "approval.resolved" | "session.message" | "session.closed" | "tool_call.executed")[];
                    secret: string;
                    url: string;
                };
            };
        };
        responses: {
            /** @description The subscription */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict with the current state; `current_status` says what it is */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is of a type this route does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A webhook ID (whk_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A webhook ID (whk_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                /** @description A webhook ID (whk_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of deliveries */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deliveries: components["schemas"]["WebhookDelivery"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description A delivery ID (dlv_…) */
                delivery_id: string;
                /** @description A webhook ID (whk_…) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The new delivery */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            /** @description Invalid request: `errors[]` names each offending field */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Missing, malformed, unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed: a member key where an admin key is needed, an approver key anywhere but reads and approval decisions, or a signed URL that is invalid or expired */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource in this tenant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (rate limits, per-tenant limits); `Retry-After` says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
