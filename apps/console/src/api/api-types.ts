export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PostgreSQL and Redis reachability; 503 when either is down */
        get: operations["healthHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List API keys (never their secrets) */
        get: operations["apiKeysList"];
        put?: never;
        /** Create an API key; the token is shown once in the response */
        post: operations["apiKeysCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["apiKeysRevoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first */
        get: operations["apiKeysAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is signed in: key name, role and unit (the unit subtree every answer is scoped to) */
        get: operations["sessionWhoAmI"];
        put?: never;
        /** Sign in with an API key: 204 and the HttpOnly loa_session cookie (needs the header X-Loa-Console: 1) */
        post: operations["sessionStart"];
        /** Sign out: ends the session on every api process and clears the cookie */
        delete: operations["sessionEnd"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Root units (for a scoped key: its own unit), or the children of ?parent= */
        get: operations["unitsList"];
        put?: never;
        /** Create a unit under a parent inside your area (roots need an unscoped key) */
        post: operations["unitsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/by-code/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Resolve a unit by its official code */
        get: operations["unitsByCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One unit */
        get: operations["unitsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/subtree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A unit and everything below it, parents first */
        get: operations["unitsSubtree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-parent a unit; its subtree follows (paths rewritten). National admin only */
        post: operations["unitsMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import units from CSV (code,name,level,parent_code): upsert by code, one transaction, unscoped keys
         * @description A malformed CSV, or any bad row (empty, ragged, unknown parent, duplicate, cycle), refuses the whole file (400, `problems` naming each line); nothing is stored.
         */
        post: operations["unitsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscribers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Subscribers in your area; filter by phone (any shape), unit subtree, carrier, tag */
        get: operations["subscribersList"];
        put?: never;
        /** Add one subscriber (carrier from an override if any, else from the prefix) */
        post: operations["subscribersCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscribers/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every subscriber in your area as CSV (streamed; same filters as the list) */
        get: operations["subscribersExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscribers/opt-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stop all messages to a number (any shape); unknown numbers go on the DNC list */
        post: operations["subscribersOptOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/subscribers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One subscriber (404 outside your area) */
        get: operations["subscribersGet"];
        put?: never;
        post?: never;
        /** Delete a subscriber */
        delete: operations["subscribersRemove"];
        options?: never;
        head?: never;
        /** Change unit, name, tags or attributes */
        patch: operations["subscribersUpdate"];
        trace?: never;
    };
    "/api/v1/imports/subscribers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import subscribers from CSV: 202 with the import id (processing runs in the background)
         * @description With ?wait=true the answer (200) comes when the import is done, with its final state. The CSV is read strictly: a malformed file (unbalanced quote, empty or repeated header, binary or compressed, not UTF-8) ends the import `failed` with an `error` naming the line, and nothing is stored; a bad row (empty, too many or too few values, bad phone, duplicate) is rejected by line, so rowsAccepted + rowsRejected = rows of the file.
         */
        post: operations["importsStart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** State of an import: status, rows so far, accepted, rejected, inserted, updated, progress */
        get: operations["importsView"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/rejections.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rejected rows as CSV (line, raw, reason) */
        get: operations["importsRejectionsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/rejections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rejected rows (line, raw value, reason), by line, paginated */
        get: operations["importsRejections"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pending or running import: nothing of it is stored */
        post: operations["importsCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dnc": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add numbers to the Do-Not-Call list: CSV upload (phone column) or JSON {phones}
         * @description A malformed CSV (unbalanced quote, empty or repeated header, binary or compressed, not UTF-8) is refused (400) naming the line; bad rows (empty, ragged, bad phone) are listed in `rejected` by line.
         */
        post: operations["suppressionAddDnc"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dnc/{phone}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a number (any shape) from the DNC list (unscoped keys) */
        delete: operations["suppressionRemoveDnc"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/carrier-overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload carrier overrides (CSV phone,carrier): they win over the prefix and update stored subscribers
         * @description A malformed CSV is refused (400) naming the line; bad rows (empty, ragged, bad phone or carrier) are listed in `rejected` by line.
         */
        post: operations["suppressionOverrides"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the segments inside the key's unit subtree */
        get: operations["segmentsList"];
        put?: never;
        /** Save an audience filter (owned by the key's unit unless unitId is given) */
        post: operations["segmentsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview a filter: audience size, by carrier, by unit, and how many were suppressed */
        post: operations["segmentsCountFilter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One segment */
        get: operations["segmentsGet"];
        put?: never;
        post?: never;
        /** Delete a segment no campaign uses */
        delete: operations["segmentsRemove"];
        options?: never;
        head?: never;
        /** Rename, re-own or replace the filter of a segment */
        patch: operations["segmentsUpdate"];
        trace?: never;
    };
    "/api/v1/segments/{id}/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A segment's audience size, by carrier, by unit, and how many were suppressed */
        get: operations["segmentsCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the templates inside the key's unit subtree */
        get: operations["templatesList"];
        put?: never;
        /** Save a template; the response carries its longest rendering, encoding and segments */
        post: operations["templatesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render a sample, with encoding, segments and warnings for the longest rendering */
        post: operations["templatesPreview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One template */
        get: operations["templatesGet"];
        put?: never;
        post?: never;
        /** Delete a template */
        delete: operations["templatesRemove"];
        options?: never;
        head?: never;
        /** Change a template (validated again as a whole) */
        patch: operations["templatesUpdate"];
        trace?: never;
    };
    "/api/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns within the key's scope, newest first */
        get: operations["campaignsList"];
        put?: never;
        /** Create a campaign (draft) */
        post: operations["campaignsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview an unsaved campaign: reach, exclusions, cost, duration */
        post: operations["campaignsPreviewUnsaved"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One campaign */
        get: operations["campaignsGet"];
        put?: never;
        post?: never;
        /** Delete a draft campaign */
        delete: operations["campaignsDelete"];
        options?: never;
        head?: never;
        /** Edit a campaign (only while draft or paused) */
        patch: operations["campaignsUpdate"];
        trace?: never;
    };
    "/api/v1/campaigns/{id}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Preview a campaign now: reach by carrier and unit, exclusions by reason, cost, duration */
        get: operations["campaignsPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** draft → scheduled */
        post: operations["campaignsSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause: no new runs, no more sends until resumed */
        post: operations["campaignsPause"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused campaign (missed fire times are not made up) */
        post: operations["campaignsResume"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel: open runs and unsent deliveries are cancelled at once */
        post: operations["campaignsCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A campaign's runs, newest fire time first */
        get: operations["campaignsRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One run with its deliveries counted by status */
        get: operations["campaignsRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/holds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Gateways holding this campaign after refusing its request, with their answer */
        get: operations["campaignHoldsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{id}/holds/{gatewayId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Lift a hold once its cause is fixed: the waiting deliveries are dispatched again */
        delete: operations["campaignHoldsLift"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateways": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Configured gateways with their live rate, pause, circuit breaker and queue counts */
        get: operations["gatewaysList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateways/routes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per carrier: its SMS gateways in order of preference and the one its sends go to now (failover) */
        get: operations["gatewaysRoutes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateways/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a gateway’s rate (national admin; audited; live without restart) */
        patch: operations["gatewaysPatch"];
        trace?: never;
    };
    "/api/v1/gateways/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Lift a gateway’s pause (quota, night) now (national admin; audited) */
        delete: operations["gatewaysUnpause"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/gateways/{id}/refresh-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Give a Zalo gateway a new refresh token after re-authorising the OA (national admin; audited, value never logged) */
        put: operations["gatewaysSetRefreshToken"];
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
        /** Prometheus metrics (text format) */
        get: operations["metricsMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{gatewayId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delivery report by GET (eSMS callbacks) */
        get: operations["webhooksViaGet"];
        put?: never;
        /** Delivery report by POST (Viettel form, VNPT JSON, Zalo signed JSON) */
        post: operations["webhooksViaPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/r/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Short link: redirect to the app download page and record the click */
        get: operations["redirectRedirect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/installs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record app installs (phones in any common format) and attribute them to the last campaign message */
        post: operations["installsRecord"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/installs/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import installs from a CSV file (phone, optional installed_at)
         * @description A malformed CSV, an empty or ragged row, or a bad date refuses the file (400) naming the line.
         */
        post: operations["installsImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Statistics grouped by campaign, run, channel, carrier, unit (rolled up) or day */
        get: operations["statsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same statistics as CSV */
        get: operations["statsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/failures.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-recipient failures of a run (phone, name, unit, reason) so communes can call them */
        get: operations["statsFailures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The dashboard in one snapshot: campaigns with their totals and latest run, and the totals of those rows
         * @description Counted within the caller’s units, as GET /stats counts: a national campaign is listed to a district key with what reached the district. `totals` is always the sum of `campaigns`.
         */
        get: operations["statsOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The campaigns of GET /stats/overview */
        get: operations["statsCampaigns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live delivery counts by status for one run (dashboard progress)
         * @description A run is 404 unless its campaign is in your area or it sent to your units.
         */
        get: operations["statsLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress report by administrative unit, rolled up communes → districts → provinces */
        get: operations["statsProgressJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/progress.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The progress report as CSV */
        get: operations["statsProgressCsv"];
        put?: never;
        post?: never;
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
        ProbeResponse: {
            /** @enum {string} */
            status: "up" | "down";
            latencyMs: number;
            /** @description Why it is down */
            error?: string;
        };
        HealthResponse: {
            /**
             * @description "error" (with a 503) when PostgreSQL or Redis is down
             * @enum {string}
             */
            status: "ok" | "error";
            postgres: components["schemas"]["ProbeResponse"];
            redis: components["schemas"]["ProbeResponse"];
        };
        ApiKeyResponse: {
            id: number;
            name: string;
            /** @description The public part of the key: loa_<prefix>_… */
            prefix: string;
            /** @enum {string} */
            role: "admin" | "operator" | "analyst";
            /** @description The unit subtree the key is limited to; null for the whole country */
            unitId: number | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            /** Format: date-time */
            revokedAt: string | null;
        };
        CreateApiKeyDto: {
            /** @example Sở TTTT Thái Bình */
            name: string;
            /** @enum {string} */
            role: "admin" | "operator" | "analyst";
            /** @description The unit subtree the key is limited to; omit for the country */
            unitId?: number;
        };
        CreatedApiKeyResponse: {
            id: number;
            name: string;
            /** @enum {string} */
            role: "admin" | "operator" | "analyst";
            unitId: number | null;
            /** @description The key itself, loa_<prefix>_<secret>: shown once, only its hash is stored */
            token: string;
        };
        RevokedResponse: {
            revoked: number;
        };
        AuditEntryResponse: {
            /** @description A bigint, as digits */
            id: string;
            /** Format: date-time */
            at: string;
            /** @example update */
            action: string;
            /** @example gateway */
            entity: string;
            entityId: string | null;
            details: {
                [key: string]: unknown;
            };
            keyName: string | null;
            keyId: number | null;
        };
        StartSessionDto: {
            /** @description An API key, loa_<prefix>_<secret>: checked once, never stored by the page */
            key: string;
        };
        FieldError: {
            /** @example groupBy */
            field: string;
            problems: string[];
        };
        ErrorResponse: {
            /** @example 400 */
            statusCode: number;
            /** @example Invalid request: groupBy: groupBy must be one of the following values: campaign, run, … */
            message: string | string[];
            /** @example Bad Request */
            error?: string;
            /** @description A 400: each field at fault with its problems */
            fields?: components["schemas"]["FieldError"][];
            /** @description A refused file: each line at fault */
            problems?: string[];
        };
        SessionUnitResponse: {
            id: number;
            /** @example 336 */
            code: string;
            /** @example Huyện Hưng Hà */
            name: string;
            /** @example district */
            level: string;
        };
        SessionResponse: {
            /** @description The signed-in key's name */
            name: string;
            /** @enum {string} */
            role: "admin" | "operator" | "analyst";
            /** @description The unit subtree; null = the whole country */
            unit: components["schemas"]["SessionUnitResponse"] | null;
        };
        UnitResponse: {
            id: number;
            /** @example 12592 */
            code: string;
            /** @example Xã Tân Lễ */
            name: string;
            /** @example commune */
            level: string;
            parentId: number | null;
            /**
             * @description Materialised id path
             * @example /1/7/42/
             */
            path: string;
            /** @description 0 for a root */
            depth: number;
        };
        CreateUnitDto: {
            /**
             * @description Official (GSO) code, unique
             * @example 12592
             */
            code: string;
            /** @example Xã Tân Lễ */
            name: string;
            /**
             * @description Free text: 'province', 'district', 'commune', …
             * @example commune
             */
            level: string;
            /** @description Parent unit id; omit (and parentCode) for a root */
            parentId?: number;
            /**
             * @description Parent by code, instead of parentId
             * @example 339
             */
            parentCode?: string;
        };
        MoveUnitDto: {
            /** @description New parent id; null makes the unit a root */
            parentId?: number | null;
        };
        UnitImportResponse: {
            inserted: number;
            updated: number;
            unchanged: number;
        };
        SubscriberResponse: {
            id: number;
            /** @example 84912345678 */
            phone: string;
            /** @enum {string} */
            carrier: "viettel" | "vinaphone" | "mobifone" | "vietnamobile" | "gmobile" | "itel";
            /** @enum {string} */
            carrierSource: "prefix" | "override" | "report";
            unitId: number | null;
            /** @description At most 30 characters, GSM-7 once unaccented */
            name: string | null;
            tags: string[];
            attributes: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            optedOutAt: string | null;
            /** Format: date-time */
            installedAt: string | null;
            /** Format: date-time */
            lastClickedAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SubscriberPageResponse: {
            items: components["schemas"]["SubscriberResponse"][];
            /** @description Pass as ?after= for the next page; null on the last */
            nextAfter: number | null;
        };
        CreateSubscriberDto: {
            /**
             * @description Any usual shape; stored as 84XXXXXXXXX
             * @example 0912 345 678
             */
            phone: string;
            unitId?: number;
            /** @description At most 30 characters, GSM-7 once unaccented (else a 400) */
            name?: string;
            tags?: string[];
            attributes?: {
                [key: string]: unknown;
            };
        };
        OptOutDto: {
            /** @example +84 91 234 5678 */
            phone: string;
        };
        OptOutResponse: {
            phone: string;
            /** @description A subscriber was opted out */
            subscriber: boolean;
            /** @description The number was put on the DNC list (not a subscriber) */
            dnc: boolean;
        };
        UpdateSubscriberDto: {
            unitId?: number;
            /** @description At most 30 characters, GSM-7 once unaccented */
            name?: string | null;
            tags?: string[];
            attributes?: {
                [key: string]: unknown;
            };
        };
        DeletedResponse: {
            deleted: number;
        };
        ImportResponse: {
            id: number;
            /** @example subscribers */
            kind: string;
            /** @enum {string} */
            status: "pending" | "running" | "completed" | "failed" | "cancelled";
            filename: string | null;
            unitId: number | null;
            apiKeyId: number | null;
            /** @description Data rows read so far (all of them once completed) */
            rowsTotal: number;
            rowsAccepted: number;
            rowsRejected: number;
            inserted: number;
            updated: number;
            /** @description 0…1: share of the file read; 1 when completed */
            progress: number;
            error: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
        };
        ImportStartedResponse: {
            id: number;
            /** @enum {string} */
            status: "pending";
            /** @example /api/v1/imports/7 */
            href: string;
        };
        RejectionResponse: {
            /** @description Line in the file (the header is line 1) */
            line: number;
            raw: string | null;
            reason: string;
        };
        RejectionPageResponse: {
            items: components["schemas"]["RejectionResponse"][];
            /** @description Pass as ?after= for the next page; null on the last */
            nextAfter: number | null;
        };
        ListUploadResponse: {
            rows: number;
            added: number;
            /** @description Already listed with the same value */
            unchanged: number;
            /** @description Subscribers whose carrier changed (carrier overrides only) */
            subscribersUpdated?: number;
            rejectedCount: number;
            /** @description The first 1,000 rejected rows */
            rejected: components["schemas"]["RejectionResponse"][];
        };
        DncRemovedResponse: {
            removed: string;
        };
        TagsFilterDto: {
            /** @description people with at least one of these tags */
            any?: string[];
            /** @description people with every one of these tags */
            all?: string[];
            /** @description people with none of these tags */
            none?: string[];
        };
        SegmentFilterDto: {
            /** @description unit subtrees (a unit and everything below it) */
            unitIds?: number[];
            carriers?: ("viettel" | "vinaphone" | "mobifone" | "vietnamobile" | "gmobile" | "itel")[];
            tags?: components["schemas"]["TagsFilterDto"];
            /** @description true: only people who installed Bluezone; false: only those who have not */
            installed?: boolean;
            /** @description clicked a Loa link within the last N days */
            clickedWithinDays?: number;
            /** @description did not click within the last N days (or never) */
            notClickedWithinDays?: number;
        };
        CreateSegmentDto: {
            name: string;
            filter: components["schemas"]["SegmentFilterDto"];
            /** @description owner unit; default: the key's unit. null = national (unscoped keys only) */
            unitId?: number | null;
        };
        SegmentResponse: {
            id: number;
            name: string;
            /** @description Owner unit; null = national */
            unitId: number | null;
            filter: components["schemas"]["SegmentFilterDto"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CountFilterDto: {
            filter: components["schemas"]["SegmentFilterDto"];
            /** @description evaluate as if owned by this unit; default: the key's unit */
            unitId?: number | null;
        };
        ExcludedCountsResponse: {
            /** @description Opted out (whether or not on the DNC list) */
            optedOut: number;
            /** @description On the DNC list and not opted out */
            dnc: number;
        };
        UnitBucketResponse: {
            unitId: number | null;
            code: string | null;
            name: string | null;
            /** @description People in the unit’s whole subtree (the scope root’s own bucket: directly in it) */
            count: number;
        };
        SegmentCountResponse: {
            /** @description The segment counted (GET /segments/{id}/count) */
            segmentId?: number;
            /** @description The audience: matches the filter and the owner’s subtree, not suppressed */
            total: number;
            /** @description Matched before suppression = total + excluded.optedOut + excluded.dnc */
            matched: number;
            excluded: components["schemas"]["ExcludedCountsResponse"];
            /** @description carrier → people */
            byCarrier: {
                [key: string]: number;
            };
            /** @enum {string} */
            unitBreakdown: "filter-units" | "children-of-scope";
            byUnit: components["schemas"]["UnitBucketResponse"][];
        };
        UpdateSegmentDto: {
            name?: string;
            /** @description replaces the whole filter */
            filter?: components["schemas"]["SegmentFilterDto"];
            unitId?: number | null;
        };
        ContentRegistrationDto: {
            /**
             * @description Viettel (viettel-soap), eSMS (esms-json): the content registered with the carrier, variable parts as {1}, {2}… (each ≥ 1 character); the rendering must match it exactly
             * @example So TTTT Thai Binh: De nghi cai dat ung dung Bluezone (khau trang dien tu) phong COVID-19 tai {1}
             */
            content: string;
        };
        ParamTemplateRegistrationDto: {
            /**
             * @description VNPT (vnpt-json): TEMPLATEID of the registered template
             * @example 3001
             */
            templateId: string;
            /**
             * @description LABELID (brandname) when not the gateway's configured labelId
             * @example 1001
             */
            labelId?: string;
            /**
             * @description the registered text, slots {1}, {2}… numbered without gaps; filled, it must equal the rendering
             * @example So TTTT Thai Binh: De nghi cai dat ung dung Bluezone (khau trang dien tu) phong COVID-19 tai {1}
             */
            text: string;
            /**
             * @description slot number → Loa template expression ({{name}}, {{unit}}, {{link}}, {{link_code}}, {{brandname}}, {{phone_last4}}) filling it: exactly the text's slots
             * @example {
             *       "1": "{{link}}"
             *     }
             */
            params: {
                [key: string]: string;
            };
        };
        CreateTemplateDto: {
            name: string;
            /** @enum {string} */
            channel: "sms" | "zns";
            /** @description SMS text (required for sms), or a local copy of the approved ZNS content. Placeholders: {{name}}, {{unit}}, {{link}}, {{link_code}}, {{brandname}}, {{phone_last4}}; {{name|fallback}} renders "fallback" when the value is missing */
            body?: string;
            /**
             * @description send without Vietnamese diacritics (GSM-7: 160 chars a segment)
             * @default true
             */
            unaccented: boolean;
            /** @description ZNS only: the template id Zalo issued */
            znsTemplateId?: string;
            /** @description ZNS only: Zalo param name → template string with our placeholders, e.g. {"name": "{{name|Quý khách}}"} */
            znsParams?: {
                [key: string]: string;
            };
            /**
             * @description SMS only: configured gateway id → what this template is registered as there (docs/templates.md, "Registrations"). Scheduling a campaign is refused unless the template is registered, matching, at every gateway its audience's carriers route to. Replaces the whole map when given.
             * @example {
             *       "viettel": {
             *         "content": "Cai Bluezone tai {1}"
             *       },
             *       "vnpt": {
             *         "templateId": "3001",
             *         "text": "Cai Bluezone tai {1}",
             *         "params": {
             *           "1": "{{link}}"
             *         }
             *       }
             *     }
             */
            registrations?: {
                [key: string]: components["schemas"]["ContentRegistrationDto"] | components["schemas"]["ParamTemplateRegistrationDto"];
            };
            /** @description owner unit; default: the key's unit */
            unitId?: number | null;
        };
        SmsEstimateResponse: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            channel: "SmsEstimateResponse";
            /** @description The longest rendering itself (what was measured) */
            text: string;
            /** @enum {string} */
            encoding: "GSM-7" | "UCS-2";
            /** @description Septets (GSM-7, extension characters count 2) or UTF-16 code units (UCS-2) */
            characters: number;
            segments: number;
            /** @description 160/153 (GSM-7) or 70/67 (UCS-2), single vs concatenated */
            perSegment: number;
            /** @description The characters that force UCS-2 */
            nonGsm: string[];
            warnings: string[];
        };
        ZnsEstimateResponse: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            channel: "ZnsEstimateResponse";
            characters: number;
            /** @example 400 */
            limit: number;
            warnings: string[];
        };
        TemplateWithEstimateResponse: {
            id: number;
            name: string;
            /** @enum {string} */
            channel: "sms" | "zns";
            body: string | null;
            unaccented: boolean;
            znsTemplateId: string | null;
            znsParams: {
                [key: string]: string;
            } | null;
            unitId: number | null;
            /** @description Gateway id → what the template is registered as there (docs/templates.md, "Registrations") */
            registrations: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Its longest rendering: what the costliest recipient costs */
            longest: components["schemas"]["SmsEstimateResponse"] | components["schemas"]["ZnsEstimateResponse"];
            /** @description Registrations that do not match the rendering (reported, not refused, on save) */
            registrationProblems: string[];
        };
        TemplateResponse: {
            id: number;
            name: string;
            /** @enum {string} */
            channel: "sms" | "zns";
            body: string | null;
            unaccented: boolean;
            znsTemplateId: string | null;
            znsParams: {
                [key: string]: string;
            } | null;
            unitId: number | null;
            /** @description Gateway id → what the template is registered as there (docs/templates.md, "Registrations") */
            registrations: {
                [key: string]: {
                    [key: string]: unknown;
                };
            };
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        PreviewVarsDto: {
            name?: string;
            unit?: string;
            link?: string;
            link_code?: string;
            brandname?: string;
            phone_last4?: string;
        };
        PreviewTemplateDto: {
            /** @enum {string} */
            channel: "sms" | "zns";
            body?: string;
            /** @default true */
            unaccented: boolean;
            znsTemplateId?: string;
            znsParams?: {
                [key: string]: string;
            };
            /**
             * @description SMS only: configured gateway id → what this template is registered as there (docs/templates.md, "Registrations"). Scheduling a campaign is refused unless the template is registered, matching, at every gateway its audience's carriers route to. Replaces the whole map when given.
             * @example {
             *       "viettel": {
             *         "content": "Cai Bluezone tai {1}"
             *       },
             *       "vnpt": {
             *         "templateId": "3001",
             *         "text": "Cai Bluezone tai {1}",
             *         "params": {
             *           "1": "{{link}}"
             *         }
             *       }
             *     }
             */
            registrations?: {
                [key: string]: components["schemas"]["ContentRegistrationDto"] | components["schemas"]["ParamTemplateRegistrationDto"];
            };
            /** @description sample values; missing ones use built-in samples */
            vars?: components["schemas"]["PreviewVarsDto"];
        };
        SmsInfoResponse: {
            /** @enum {string} */
            encoding: "GSM-7" | "UCS-2";
            characters: number;
            segments: number;
            perSegment: number;
        };
        TemplatePreviewResponse: {
            /** @description SMS: the text; ZNS: the params, rendered with the sample values */
            sample: string | {
                [key: string]: string;
            };
            sampleInfo: components["schemas"]["SmsInfoResponse"] | null;
            longest: components["schemas"]["SmsEstimateResponse"] | components["schemas"]["ZnsEstimateResponse"];
            warnings: string[];
            /** @description Registrations that do not match the rendering */
            registrationProblems: string[];
        };
        UpdateTemplateDto: {
            name?: string;
            /** @enum {string} */
            channel?: "sms" | "zns";
            body?: string;
            unaccented?: boolean;
            znsTemplateId?: string;
            znsParams?: {
                [key: string]: string;
            };
            /**
             * @description SMS only: configured gateway id → what this template is registered as there (docs/templates.md, "Registrations"). Scheduling a campaign is refused unless the template is registered, matching, at every gateway its audience's carriers route to. Replaces the whole map when given.
             * @example {
             *       "viettel": {
             *         "content": "Cai Bluezone tai {1}"
             *       },
             *       "vnpt": {
             *         "templateId": "3001",
             *         "text": "Cai Bluezone tai {1}",
             *         "params": {
             *           "1": "{{link}}"
             *         }
             *       }
             *     }
             */
            registrations?: {
                [key: string]: components["schemas"]["ContentRegistrationDto"] | components["schemas"]["ParamTemplateRegistrationDto"];
            };
            unitId?: number | null;
        };
        ChannelStepDto: {
            /** @enum {string} */
            channel: "sms" | "zns";
            templateId: number;
        };
        CreateCampaignDto: {
            name: string;
            /** @description Owning unit; defaults to the key's unit */
            unitId?: number;
            segmentId: number;
            /**
             * @description 1–11 of A–Z a–z 0–9 space . _ -
             * @example SO TTTT
             */
            brandname: string;
            /** @description Tried in order, e.g. Zalo first and SMS as fallback */
            channels: components["schemas"]["ChannelStepDto"][];
            /**
             * @description 5-field cron, Asia/Ho_Chi_Minh
             * @example 0 9 * * *
             */
            scheduleCron?: string;
            /**
             * Format: date-time
             * @description One-off fire time (instead of scheduleCron)
             */
            runAt?: string;
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
            /** @example 07:00 */
            windowStart?: string;
            /** @example 22:00 */
            windowEnd?: string;
            /** @description Messages per person per cap window, across all campaigns */
            frequencyCap?: number;
            capWindowHours?: number;
            stopOnClick?: boolean;
            stopOnInstall?: boolean;
            validityHours?: number;
            targetUrl?: string;
            targetAndroid?: string;
            targetIos?: string;
        };
        ChannelStepResponse: {
            /** @enum {string} */
            channel: "sms" | "zns";
            templateId: number;
        };
        CampaignResponse: {
            id: number;
            name: string;
            /** @description Owning unit; null = national */
            unitId: number | null;
            segmentId: number;
            /** @enum {string} */
            status: "draft" | "scheduled" | "running" | "paused" | "completed" | "cancelled";
            brandname: string;
            channels: components["schemas"]["ChannelStepResponse"][];
            /** @example 0 9 * * * */
            scheduleCron: string | null;
            /**
             * Format: date-time
             * @description One-off fire time
             */
            runAt: string | null;
            /** Format: date-time */
            startsAt: string | null;
            /** Format: date-time */
            endsAt: string | null;
            /** @example Asia/Ho_Chi_Minh */
            timezone: string;
            /** @description Sending window start, minutes after local midnight */
            windowStartMinute: number;
            /** @description Sending window end, minutes after local midnight */
            windowEndMinute: number;
            frequencyCap: number;
            capWindowHours: number;
            stopOnClick: boolean;
            stopOnInstall: boolean;
            validityHours: number;
            targetUrl: string;
            targetAndroid: string | null;
            targetIos: string | null;
            /** Format: date-time */
            nextFireAt: string | null;
            /** Format: date-time */
            lastFireAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        UnitReachResponse: {
            unitId: number | null;
            count: number;
        };
        ReachResponse: {
            total: number;
            /** @description carrier → people */
            byCarrier: {
                [key: string]: number;
            };
            byUnit: components["schemas"]["UnitReachResponse"][];
        };
        ExclusionsResponse: {
            total: number;
            /** @description reason → people */
            byReason: {
                [key: string]: number;
            };
            /** @description Precedence of the reasons */
            order: ("opted_out" | "dnc" | "installed" | "clicked" | "frequency_cap")[];
        };
        SmsSizeResponse: {
            segments: number;
            /** @example GSM-7 */
            encoding: string;
            characters: number;
            warnings: string[];
        };
        ZnsTemplateRefResponse: {
            templateId: number;
        };
        PreviewMessageResponse: {
            sms: components["schemas"]["SmsSizeResponse"] | null;
            zns: components["schemas"]["ZnsTemplateRefResponse"] | null;
        };
        CarrierCostResponse: {
            carrier: string;
            recipients: number;
            /** @description First-choice gateway (what the estimate assumes) */
            gatewayId: string | null;
            /** @description Every gateway that may carry it (failover) */
            gatewayIds: string[];
            /** @description Recipients expected to get an SMS (all, or the fallback share behind Zalo) */
            smsRecipients: number;
            segments: number;
            pricePerSegment: number;
            cost: number;
        };
        ZnsCostResponse: {
            recipients: number;
            pricePerMessage: number;
            cost: number;
        };
        CostResponse: {
            /** @enum {string} */
            currency: "VND";
            total: number;
            sms: components["schemas"]["CarrierCostResponse"][];
            zns: components["schemas"]["ZnsCostResponse"] | null;
            assumptions: string[];
        };
        WindowResponse: {
            /** @example 07:00 */
            start: string;
            /** @example 22:00 */
            end: string;
        };
        GatewayLoadResponse: {
            gatewayId: string;
            messages: number;
            ratePerSecond: number;
        };
        DurationResponse: {
            /** Format: date-time */
            startsAt: string;
            sendingSeconds: number;
            /** Format: date-time */
            finishesAt: string;
            wallSeconds: number;
            window: components["schemas"]["WindowResponse"];
            withinValidity: boolean;
            gateways: components["schemas"]["GatewayLoadResponse"][];
        };
        PreviewResponse: {
            /** Format: date-time */
            at: string;
            reach: components["schemas"]["ReachResponse"];
            matched: number;
            excluded: components["schemas"]["ExclusionsResponse"];
            message: components["schemas"]["PreviewMessageResponse"];
            cost: components["schemas"]["CostResponse"];
            duration: components["schemas"]["DurationResponse"];
            warnings: string[];
            /** @description Gateways where a template is not registered or does not match: scheduling is refused */
            registrationProblems: string[];
        };
        UpdateCampaignDto: {
            name?: string;
            /** @description Owning unit; defaults to the key's unit */
            unitId?: number;
            segmentId?: number;
            /**
             * @description 1–11 of A–Z a–z 0–9 space . _ -
             * @example SO TTTT
             */
            brandname?: string;
            /** @description Tried in order, e.g. Zalo first and SMS as fallback */
            channels?: components["schemas"]["ChannelStepDto"][];
            /**
             * @description 5-field cron, Asia/Ho_Chi_Minh
             * @example 0 9 * * *
             */
            scheduleCron?: string;
            /**
             * Format: date-time
             * @description One-off fire time (instead of scheduleCron)
             */
            runAt?: string;
            /** Format: date-time */
            startsAt?: string;
            /** Format: date-time */
            endsAt?: string;
            /** @example 07:00 */
            windowStart?: string;
            /** @example 22:00 */
            windowEnd?: string;
            /** @description Messages per person per cap window, across all campaigns */
            frequencyCap?: number;
            capWindowHours?: number;
            stopOnClick?: boolean;
            stopOnInstall?: boolean;
            validityHours?: number;
            targetUrl?: string;
            targetAndroid?: string;
            targetIos?: string;
        };
        RunResponse: {
            /** @description Run id (digits) */
            id: string;
            campaignId: number;
            /** Format: date-time */
            fireTime: string;
            /** @enum {string} */
            status: "pending" | "fanning_out" | "dispatching" | "completed" | "skipped" | "cancelled";
            /** Format: date-time */
            expiresAt: string;
            targeted: number;
            /** @description reason (opted_out, dnc, installed, clicked, frequency_cap) → people left out */
            excluded: {
                [key: string]: number;
            };
            note: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            startedAt: string | null;
            /** Format: date-time */
            finishedAt: string | null;
            /** @description Deliveries by status (GET /runs/{id} only) */
            deliveries?: {
                [key: string]: number;
            };
        };
        HoldResponse: {
            campaignId: number;
            gatewayId: string;
            /** @description The gateway’s own code */
            code: string;
            /** @description The gateway’s answer */
            text: string;
            /** Format: date-time */
            createdAt: string;
        };
        HoldLiftedResponse: {
            lifted: components["schemas"]["HoldResponse"];
            /** @description Open runs handed to dispatch again */
            redispatchedRuns: number;
        };
        BreakerResponse: {
            /** @enum {string} */
            state: "closed" | "open" | "half-open";
            /**
             * Format: date-time
             * @description Since when it is in this state
             */
            since: string | null;
            /**
             * Format: date-time
             * @description Open: when probes may start
             */
            probingFrom: string | null;
        };
        QueueCountsResponse: {
            waiting: number;
            active: number;
            delayed: number;
            failed: number;
        };
        GatewayResponse: {
            /** @example viettel */
            id: string;
            /** @enum {string} */
            channel: "sms" | "zns";
            /** @description Live rate (messages per sliding second) */
            ratePerSecond: number;
            /** @description The rate in the configuration */
            configuredRate: number;
            /** Format: date-time */
            pausedUntil: string | null;
            /** @example quota */
            pauseReason: string | null;
            /** @enum {string} */
            protocol: "viettel-soap" | "vnpt-json" | "esms-json" | "zalo-zns";
            /** @description Circuit breaker (failover, docs/dispatch.md) */
            breaker: components["schemas"]["BreakerResponse"];
            queue: components["schemas"]["QueueCountsResponse"];
        };
        RouteGatewayResponse: {
            id: string;
            breaker: components["schemas"]["BreakerResponse"];
        };
        CarrierRouteResponse: {
            /** @enum {string} */
            carrier: "viettel" | "vinaphone" | "mobifone" | "vietnamobile" | "gmobile" | "itel";
            /** @description Its SMS gateways, in order of preference */
            gateways: components["schemas"]["RouteGatewayResponse"][];
            /** @description Where its sends go now */
            live: string | null;
            /** @description True when that is not its first choice */
            failover: boolean;
            /** @description Why the carrier has no route */
            problem?: string;
        };
        PatchGatewayDto: {
            /** @description Messages per sliding second */
            ratePerSecond: number;
        };
        GatewayStateResponse: {
            /** @example viettel */
            id: string;
            /** @enum {string} */
            channel: "sms" | "zns";
            /** @description Live rate (messages per sliding second) */
            ratePerSecond: number;
            /** @description The rate in the configuration */
            configuredRate: number;
            /** Format: date-time */
            pausedUntil: string | null;
            /** @example quota */
            pauseReason: string | null;
        };
        RefreshTokenDto: {
            /** @description Issued by Zalo when the OA administrator re-authorised the app */
            refreshToken: string;
        };
        RefreshTokenStoredResponse: {
            gatewayId: string;
            /** @enum {string} */
            refreshToken: "stored";
        };
        InvalidInstallResponse: {
            /** @description Position in the list (or line of the file) */
            index: number;
            value: string;
            reason: string;
        };
        InstallResultResponse: {
            received: number;
            /** @description Newly recorded installs */
            installed: number;
            alreadyInstalled: number;
            /** @description Of the new installs, those credited to a campaign message */
            attributed: number;
            /** @description Valid numbers that are not subscribers */
            unknown: string[];
            invalid: components["schemas"]["InvalidInstallResponse"][];
        };
        StatsRowResponse: {
            /** @description The group: campaign id, run id, channel, carrier, unit id or YYYY-MM-DD */
            key: string;
            label: string;
            targeted: number;
            /** @description Accepted by a gateway */
            sent: number;
            delivered: number;
            failed: number;
            expired: number;
            /** @description People who clicked (bots not counted) */
            clicked: number;
            botClicks: number;
            installed: number;
            /** @description Đồng, for what the gateways accepted */
            cost: number;
            /** @description failure reason → deliveries */
            failures: {
                [key: string]: number;
            };
            /** @description delivered / sent */
            deliveryRate: number | null;
            /** @description clicked / delivered */
            clickThrough: number | null;
            /** @description installed / delivered */
            conversion: number | null;
            latencyP50S: number | null;
            latencyP95S: number | null;
        };
        RunCountsResponse: {
            targeted: number;
            /** @description Accepted by a gateway */
            sent: number;
            delivered: number;
            failed: number;
            expired: number;
            clicked: number;
            installed: number;
            /** @description Run id (digits) */
            id: string;
            status: string;
        };
        CampaignTotalsResponse: {
            targeted: number;
            /** @description Accepted by a gateway */
            sent: number;
            delivered: number;
            failed: number;
            expired: number;
            clicked: number;
            installed: number;
            id: number;
            name: string;
            status: string;
            /** @description null: a national campaign */
            unitId: number | null;
            /** Format: date-time */
            nextFireAt: string | null;
            /** Format: date-time */
            lastFireAt: string | null;
            /** @description Its latest run (the live bar) */
            lastRun: components["schemas"]["RunCountsResponse"] | null;
        };
        CountsResponse: {
            targeted: number;
            /** @description Accepted by a gateway */
            sent: number;
            delivered: number;
            failed: number;
            expired: number;
            clicked: number;
            installed: number;
        };
        StatsOverviewResponse: {
            campaigns: components["schemas"]["CampaignTotalsResponse"][];
            /** @description The sum of `campaigns` */
            totals: components["schemas"]["CountsResponse"];
        };
        LiveRunResponse: {
            runId: string;
            status: string;
            /** @description delivery status → deliveries, counted now */
            counts: {
                [key: string]: number;
            };
        };
        ProgressRowResponse: {
            unitId: number;
            code: string;
            name: string;
            level: string;
            depth: number;
            parentId: number | null;
            targeted: number;
            sent: number;
            delivered: number;
            clicked: number;
            installed: number;
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
    healthHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            /** @description PostgreSQL or Redis is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    apiKeysList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyResponse"][];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    apiKeysCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    apiKeysRevoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    apiKeysAuditLog: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Entries older than this id (the last id of a page) */
                before?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntryResponse"][];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sessionWhoAmI: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sessionStart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartSessionDto"];
            };
        };
        responses: {
            /** @description Signed in; the cookie is set */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unknown or revoked API key */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    sessionEnd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out (also when there was no session) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    unitsList: {
        parameters: {
            query?: {
                /** @description Children of this unit; omitted: the roots you can see */
                parent?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitResponse"][];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    unitsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    unitsByCode: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    unitsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    unitsSubtree: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitResponse"][];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    unitsMove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    unitsImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV, UTF-8
                     */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitImportResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    subscribersList: {
        parameters: {
            query?: {
                /** @description Any shape */
                phone?: string;
                /** @description Unit subtree */
                unitId?: number;
                carrier?: "viettel" | "vinaphone" | "mobifone" | "vietnamobile" | "gmobile" | "itel";
                tag?: string;
                /** @description Ids after this one (use nextAfter of the previous page) */
                after?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriberPageResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    subscribersCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSubscriberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriberResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    subscribersExport: {
        parameters: {
            query?: {
                /** @description Unit subtree */
                unitId?: number;
                carrier?: "viettel" | "vinaphone" | "mobifone" | "vietnamobile" | "gmobile" | "itel";
                tag?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description phone, carrier, unit and the other columns of every subscriber in your area */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    subscribersOptOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OptOutDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OptOutResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    subscribersGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriberResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    subscribersRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    subscribersUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSubscriberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriberResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    importsStart: {
        parameters: {
            query?: {
                /** @description Answer when the import is done (small files, tests) */
                wait?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV, UTF-8
                     */
                    file: string;
                    /** @description default unit code */
                    unitCode?: string;
                    /** @description tags for every row, ";"-separated */
                    tags?: string;
                };
            };
        };
        responses: {
            /** @description With ?wait=true: the finished import */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResponse"];
                };
            };
            /** @description Started; poll its href */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportStartedResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    importsView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    importsRejectionsCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description line, raw, reason of every rejected row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    importsRejections: {
        parameters: {
            query?: {
                /** @description Lines after this one (nextAfter of the previous page) */
                after?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RejectionPageResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    importsCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    suppressionAddDnc: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV, UTF-8
                     */
                    file: string;
                    /** @description where the list comes from */
                    source?: string;
                };
                "application/json": {
                    /**
                     * Format: binary
                     * @description CSV, UTF-8
                     */
                    file: string;
                    /** @description where the list comes from */
                    source?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListUploadResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    suppressionRemoveDnc: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                phone: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DncRemovedResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    suppressionOverrides: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description CSV, UTF-8
                     */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListUploadResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    segmentsList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentResponse"][];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    segmentsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSegmentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    segmentsCountFilter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CountFilterDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentCountResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    segmentsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    segmentsRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    segmentsUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateSegmentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    segmentsCount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SegmentCountResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    templatesList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateResponse"][];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    templatesCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTemplateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateWithEstimateResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    templatesPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreviewTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplatePreviewResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    templatesGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    templatesRemove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    templatesUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateWithEstimateResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsList: {
        parameters: {
            query?: {
                status?: "draft" | "scheduled" | "running" | "paused" | "completed" | "cancelled";
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"][];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsCreate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsPreviewUnsaved: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviewResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCampaignDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreviewResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsPause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsResume: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsRuns: {
        parameters: {
            query?: {
                limit?: number;
                /** @description Runs before this run id (the last of a page) */
                before?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunResponse"][];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignsRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignHoldsList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldResponse"][];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    campaignHoldsLift: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
                gatewayId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HoldLiftedResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    gatewaysList: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayResponse"][];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    gatewaysRoutes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CarrierRouteResponse"][];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    gatewaysPatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchGatewayDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayStateResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    gatewaysUnpause: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayStateResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    gatewaysSetRefreshToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RefreshTokenStoredResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    metricsMetrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    webhooksViaGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gatewayId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The acknowledgement the gateway expects */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                    "text/plain": string;
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    webhooksViaPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                gatewayId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The acknowledgement the gateway expects */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                    "text/plain": string;
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    redirectRedirect: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the campaign’s target (per platform when set) */
            302: {
                headers: {
                    Location?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description Unknown or expired code: a small HTML page */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    installsRecord: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": string[] | {
                    phones?: string[];
                } | {
                    installs?: {
                        phone?: string;
                        installedAt?: string;
                    }[];
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstallResultResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    installsImport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstallResultResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is larger than its limit: `api.bodyLimit` (256 kB by default) for JSON, `api.bulkBodyLimit` (8 MB) for the lists of POST /installs and POST /dnc, `api.uploadLimitMb` for an uploaded file */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description The body is not JSON (nor a multipart upload where a file is expected) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    statsGet: {
        parameters: {
            query: {
                /** @description unit: the children of unitId (or of your unit), each with its subtree */
                groupBy: "campaign" | "run" | "channel" | "carrier" | "unit" | "day";
                campaignId?: number;
                /** @description A run id (digits) */
                runId?: string;
                /** @description A unit subtree within yours */
                unitId?: number;
                channel?: "sms" | "zns" | "none";
                carrier?: "viettel" | "vinaphone" | "mobifone" | "vietnamobile" | "gmobile" | "itel";
                /** @description First Vietnam date (Asia/Ho_Chi_Minh), YYYY-MM-DD */
                from?: string;
                /** @description Last Vietnam date, inclusive */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsRowResponse"][];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    statsCsv: {
        parameters: {
            query: {
                /** @description unit: the children of unitId (or of your unit), each with its subtree */
                groupBy: "campaign" | "run" | "channel" | "carrier" | "unit" | "day";
                campaignId?: number;
                /** @description A run id (digits) */
                runId?: string;
                /** @description A unit subtree within yours */
                unitId?: number;
                channel?: "sms" | "zns" | "none";
                carrier?: "viettel" | "vinaphone" | "mobifone" | "vietnamobile" | "gmobile" | "itel";
                /** @description First Vietnam date (Asia/Ho_Chi_Minh), YYYY-MM-DD */
                from?: string;
                /** @description Last Vietnam date, inclusive */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the statistics rows, one per group */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    statsFailures: {
        parameters: {
            query: {
                /** @description A run id (digits) */
                runId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description phone, name, unit, reason, detail of each failed or expired delivery */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    statsOverview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatsOverviewResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    statsCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignTotalsResponse"][];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    statsLive: {
        parameters: {
            query: {
                /** @description A run id (digits) */
                runId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LiveRunResponse"];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    statsProgressJson: {
        parameters: {
            query: {
                /** @description First Vietnam date (Asia/Ho_Chi_Minh), YYYY-MM-DD */
                from: string;
                /** @description Last Vietnam date, inclusive */
                to: string;
                /** @description The unit whose subtree is reported; default: yours */
                unitId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressRowResponse"][];
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
    statsProgressCsv: {
        parameters: {
            query: {
                /** @description First Vietnam date (Asia/Ho_Chi_Minh), YYYY-MM-DD */
                from: string;
                /** @description Last Vietnam date, inclusive */
                to: string;
                /** @description The unit whose subtree is reported; default: yours */
                unitId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the progress report, one row per unit */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Invalid input: the message and `fields` name each field or parameter at fault (an id out of range, a day that does not exist, a NUL character, JSON nested deeper than 32 levels or not JSON at all) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
            /** @description An error: status, message and, for a 400, the fields at fault */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorResponse"];
                };
            };
        };
    };
}
