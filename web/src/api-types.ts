// 由 src/server/openapi-types.ts 从 /api/openapi.json 生成：npm run docs:api-types。请勿手工修改。
// For each path and method: params (path), query, body (JSON) and the 2xx response;
// `response: unknown` where the route declares no response schema.

export interface ApiPaths {
  "/api/analysis": {
    post: {
      response: unknown;
    };
  };
  "/api/attachments/{id}": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/audit/checkpoints": {
    post: {
      body: {} | null;
      response: unknown;
    };
  };
  "/api/audit/events": {
    get: {
      query: {
        action?: string;
        actorId?: number;
        page?: number;
        pageSize?: number;
      };
      response: unknown;
    };
  };
  "/api/audit/verify": {
    get: {
      response: unknown;
    };
  };
  "/api/auth/account": {
    get: {
      response: unknown;
    };
  };
  "/api/auth/login": {
    post: {
      body: {
        username: string;
        password: string;
      };
      response: {
        ok: boolean;
        next?: "totp" | "enrol";
        mustChangePassword?: boolean;
        user?: {
          id: number;
          username: string;
          displayName: string;
          role: "none" | "admin" | "secadmin" | "auditor" | "clerk" | "leader";
          roleLabel: string;
          orgId: number;
          orgName: string;
          orgPath: string;
          scopeOrgId: number;
          scopePath: string;
          duties: {
            orgId: number;
            orgName: string;
            orgPath: string;
            subunits: boolean;
            subject: string;
            actions: string[];
          }[];
          today: string;
          mustChangePassword: boolean;
        };
      };
    };
  };
  "/api/auth/login/totp": {
    post: {
      body: {
        code: string;
      };
      response: {
        ok: boolean;
        next?: "totp" | "enrol";
        mustChangePassword?: boolean;
        user?: {
          id: number;
          username: string;
          displayName: string;
          role: "none" | "admin" | "secadmin" | "auditor" | "clerk" | "leader";
          roleLabel: string;
          orgId: number;
          orgName: string;
          orgPath: string;
          scopeOrgId: number;
          scopePath: string;
          duties: {
            orgId: number;
            orgName: string;
            orgPath: string;
            subunits: boolean;
            subject: string;
            actions: string[];
          }[];
          today: string;
          mustChangePassword: boolean;
        };
      };
    };
  };
  "/api/auth/logout": {
    post: {
      response: {
        ok: boolean;
      };
    };
  };
  "/api/auth/me": {
    get: {
      response: {
        id: number;
        username: string;
        displayName: string;
        role: "none" | "admin" | "secadmin" | "auditor" | "clerk" | "leader";
        roleLabel: string;
        orgId: number;
        orgName: string;
        orgPath: string;
        scopeOrgId: number;
        scopePath: string;
        duties: {
          orgId: number;
          orgName: string;
          orgPath: string;
          subunits: boolean;
          subject: string;
          actions: string[];
        }[];
        today: string;
        mustChangePassword: boolean;
      };
    };
  };
  "/api/auth/password": {
    post: {
      body: {
        currentPassword: string;
        newPassword: string;
      };
      response: unknown;
    };
  };
  "/api/auth/sessions": {
    get: {
      response: unknown;
    };
  };
  "/api/auth/sessions/{id}": {
    delete: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/auth/totp/confirm": {
    post: {
      body: {
        code: string;
      };
      response: unknown;
    };
  };
  "/api/auth/totp/enrol": {
    post: {
      response: unknown;
    };
  };
  "/api/calendar/deadline": {
    get: {
      query: {
        from: string;
        workdays?: number;
        days?: number;
      };
      response: unknown;
    };
  };
  "/api/calendar/overrides": {
    get: {
      response: unknown;
    };
  };
  "/api/calendar/overrides/{day}": {
    put: {
      params: {
        day: string;
      };
      body: {
        kind: "holiday" | "workday";
        name: string;
      };
      response: unknown;
    };
  };
  "/api/calendar/recompute": {
    get: {
      response: unknown;
    };
  };
  "/api/calendar/years": {
    post: {
      body: {
        year: number;
        note: string;
      };
      response: unknown;
    };
  };
  "/api/case-types": {
    get: {
      response: unknown;
    };
  };
  "/api/cases": {
    get: {
      query: {
        type?: string;
        state?: string;
        orgId?: number;
        overdue?: "true" | "false";
        open?: "true" | "false";
        year?: number;
        q?: string;
        page?: number;
        pageSize?: number;
      };
      response: {
        total: number;
        totalCapped: boolean;
        page: number;
        pageSize: number;
        items: ({
          id: number;
          type: string;
          typeName: string;
          number: string;
          title: string;
          personalDataMasked: boolean;
          state: string;
          stateLabel: string;
          outcomeLabel: string | null;
          orgName: string;
          receivedOn: string;
          closedOn: string | null;
          nextDue: string | null;
          overdue: boolean;
        })[];
      };
    };
  };
  "/api/cases/export.xlsx": {
    get: {
      query: {
        type?: string;
        state?: string;
        orgId?: number;
        overdue?: "true" | "false";
        open?: "true" | "false";
        year?: number;
        q?: string;
        page?: number;
        pageSize?: number;
      };
      response: unknown;
    };
  };
  "/api/cases/{id}": {
    get: {
      params: {
        id: number;
      };
      response: CaseView;
    };
  };
  "/api/cases/{id}/attachments": {
    post: {
      params: {
        id: number;
      };
      query: {
        eventId?: number;
      };
      response: unknown;
    };
  };
  "/api/cases/{id}/documents": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
    post: {
      params: {
        id: number;
      };
      body: {
        template: string;
      };
      response: unknown;
    };
  };
  "/api/coercion/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          procedure: "measure" | "execution";
          matter: string;
          emergency?: boolean;
          parties?: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/coercion/cases/{id}/approve": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          approver: string;
          approved: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/coercion/cases/{id}/execute": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "executed" | "court" | "performed";
        };
      };
      response: CaseView;
    };
  };
  "/api/coercion/cases/{id}/extend": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/coercion/cases/{id}/handle": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "released" | "confiscated" | "destroyed";
        };
      };
      response: CaseView;
    };
  };
  "/api/coercion/cases/{id}/hear": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/coercion/cases/{id}/test": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          kind: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/coercion/cases/{id}/test_done": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/coercion/cases/{id}/warn": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/coercion/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/coercion/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/counsel_work/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          counsel: string;
          contracts: number;
          meetings: number;
          consultations: number;
          opinions: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/counsel_work/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/counsel_work/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/court_liaison/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          topic: string;
          resolved: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/court_liaison/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/court_liaison/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/dashboard": {
    get: {
      response: {
        today: string;
        overdue: ({
          caseId: number;
          number: string;
          title: string;
          typeName: string;
          stateLabel: string;
          orgName: string;
          mine: boolean;
          clock: {
            key: string;
            label: string;
            dueOn: string | null;
            daysLeft: number | null;
            unit: "day" | "workday" | "month" | "hour";
            overdue: boolean;
          };
        })[];
        dueSoon: ({
          caseId: number;
          number: string;
          title: string;
          typeName: string;
          stateLabel: string;
          orgName: string;
          mine: boolean;
          clock: {
            key: string;
            label: string;
            dueOn: string | null;
            daysLeft: number | null;
            unit: "day" | "workday" | "month" | "hour";
            overdue: boolean;
          };
        })[];
      };
    };
  };
  "/api/disclosure/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          channel: "in_person" | "letter" | "ordinary_letter" | "online" | "fax";
          arrivedOn?: string;
          applicantType: "person" | "business" | "research" | "nonprofit" | "legal_service" | "other";
          content: string;
          parties: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/abandon": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/answer": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          outcome: "disclosed" | "partial" | "refused" | "unavailable" | "not_handled" | "other";
          ground?: "secret" | "prohibited" | "security" | "third_party" | "internal" | "process" | "enforcement_file" | "inquiry" | "not_held" | "needs_making" | "unclear" | "petition" | "repeated" | "publication" | "mass" | "confirmation";
          reason?: string;
          method: "paper" | "electronic" | "mail" | "on_site";
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/consult": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          consultee?: "third_party" | "organ";
          thirdParty: string;
          matter: string;
          servedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/consult_reply": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          opinion: "agree" | "disagree" | "no_reply" | "deemed_consent";
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/defer": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          excess: string;
          reason: string;
          days: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/extend": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          reason: string;
          approver: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/fee_notice": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "by_count" | "by_volume";
          amount: number;
          servedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/fee_paid": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/receive_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          postedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/request_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          items: string;
          deadline: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/cases/{id}/withdraw": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/disclosure/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/disclosure/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/dispute_screening/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          target: string;
          disputesFound: number;
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/dispute_screening/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/dispute_screening/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/document-templates": {
    get: {
      response: unknown;
    };
  };
  "/api/document-templates/{key}": {
    put: {
      params: {
        key: string;
      };
      body: {
        body: string;
      };
      response: unknown;
    };
  };
  "/api/documents/{id}": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/documents/{id}/document.docx": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/draws": {
    get: {
      response: unknown;
    };
    post: {
      body: {
        orgId: number;
        title: string;
        item: string;
        category?: string;
        counts: {
          high: number;
          medium: number;
          low: number;
        };
        inspectorsPerTarget?: number;
        jointOrgIds?: number[];
        conflicts?: {
          certNo: string;
          code: string;
        }[];
      };
      response: unknown;
    };
  };
  "/api/draws/{id}": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/draws/{id}/draw": {
    post: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/duty_lawyer/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          station: "court" | "procuratorate" | "detention" | "other";
          stationName: string;
          lawyer: string;
          lawFirm?: string;
          persons: number;
          consultations?: number;
          procedureAdvice?: number;
          coercionChange?: number;
          caseOpinions?: number;
          aidApplications?: number;
          note?: string;
          parties?: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/duty_lawyer/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/duty_lawyer/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/enforcement/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          kind: "penalty" | "inspection" | "other";
          source: "inspection" | "report" | "transfer" | "other";
          matter: string;
          major: boolean;
          field?: "general" | "market" | "public_security";
          violationOn?: string;
          longLimitation?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/apply_court": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          warnedOn: string;
          court: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/decide": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          decision: "penalty" | "lighter" | "mitigated" | "first_violation" | "minor" | "no_fault" | "not_established" | "transferred" | "other_decision";
          fine?: number;
          waived?: number;
          exemptionItem?: string;
          collective?: boolean;
          hearingWaived?: boolean;
          transferredTo?: string;
          detentionDays?: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/defer_payment": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          approver: string;
          plan?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/exclude_period": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: "suspension" | "hearing" | "notice" | "testing";
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/execute": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          performance: "performed" | "enforced" | "court" | "none";
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/extend_decision_market": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          approver: string;
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/extend_decision_market_collective": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          discussedOn: string;
          participants: string;
          grounds: string;
          minutes: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/extend_decision_public_security": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          approver: string;
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/file": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          officer1: string;
          officer2: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/file_record": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          note?: string;
          at?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/hand_over": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          items: string;
          receipt: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/hearing": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          noticeOn: string;
          host: string;
          hostNotInvestigator: boolean;
          attendance: "attended" | "absent";
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/investigate": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          findings: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/legal_review": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reviewer: string;
          firstTime?: boolean;
          qualified: boolean;
          opinion: "approved" | "amended" | "rejected";
          notes?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/notify": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          proposal: string;
          sanction: "warning" | "fine" | "confiscation" | "confiscation_large" | "demotion" | "revocation" | "suspension" | "closure" | "restriction" | "other_heavy" | "none";
          proposedFine?: number;
          partyType: "person" | "organization";
          hearingRight?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/on_the_spot": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          officer1: string;
          officer2?: string;
          singleOfficer?: boolean;
          noObjection?: boolean;
          fullRecording?: boolean;
          certificatesShown: boolean;
          partyType: "person" | "organization";
          sanction: "warning" | "fine";
          fine?: number;
          statement?: string;
          at?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/pay": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          surcharge: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/police_decision": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          decision: "filed" | "not_filed";
          noticeNo: string;
          reason?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/police_forwarded": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          forwardedTo: string;
          noticeNo: string;
          at?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/police_return": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          ground: "no_crime" | "minor";
          police: string;
          noticeNo: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/preservation_decision": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          measure: "release" | "seal" | "sample" | "return";
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/preserve": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          items: string;
          approver: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/publicize": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/reconsideration_request": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          grounds: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/reconsideration_result": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          decision: "filed" | "not_filed";
          noticeNo: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/recusal": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          officer: string;
          by: "party" | "self" | "ordered";
          reason: string;
          decision: "granted" | "refused";
          decidedBy: string;
          replacement?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/refuse": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/resume_period": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/revoke_decision": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          by: "altered" | "revoked" | "illegal" | "void";
          source: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/serve": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "spot" | "direct" | "post" | "electronic" | "notice";
          familyNotified?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/supervision_request": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          procuratorate: string;
          grounds: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/transfer": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          police: string;
          letter: boolean;
          report: boolean;
          items: boolean;
          tests: "attached" | "none";
          copiedToProcuratorate: boolean;
          at?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/transfer_approval": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          decision: "approved" | "refused";
          approver: string;
          approverRole: "head" | "acting" | "other";
          reason?: string;
          at?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/transfer_report": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          member1: string;
          member2: string;
          suspicion: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/cases/{id}/withdraw_publicity": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/enforcement/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/enforcement_certificate/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          holder: string;
          certNo: string;
          field: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_certificate/cases/{id}/annual_review": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          passed: boolean;
          hours: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_certificate/cases/{id}/revoke": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: "left" | "retired" | "violation" | "other";
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_certificate/cases/{id}/suspend": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_certificate/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/enforcement_certificate/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/enforcement_oversight/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          source: "complaint" | "routine" | "key" | "special" | "file_review" | "referral" | "other";
          matter: string;
          enforcementCase?: string;
          reviewStatus?: "none" | "eligible" | "pending";
          parties?: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/accept": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          guidance?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/accept_rectification": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          review: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/corrected_on_spot": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          correction: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/issue": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          document: "supervise" | "opinion" | "decision";
          problems: string;
          days: number;
          major?: boolean;
          governmentDecidedOn?: string;
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/no_issue": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          conclusion: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/object": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reasons: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/reject": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
          guidance?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/reject_rectification": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          review: string;
          days: number;
          document?: "supervise" | "opinion" | "decision";
          governmentDecidedOn?: string;
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/report_rectification": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/uphold": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reply: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/cases/{id}/withdraw": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reply: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enforcement_oversight/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/enforcement_oversight/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/enterprise_inspection/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          kind: "routine" | "individual" | "special";
          superiorSpecial?: boolean;
          item: string;
          target: string;
          creditCode: string;
          mode: "onsite" | "offsite";
          planItem?: string;
          annualCap?: number;
          joint?: boolean;
          partners?: string;
          emergency?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/enterprise_inspection/cases/{id}/approve": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          approver: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enterprise_inspection/cases/{id}/approve_after": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          approver: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enterprise_inspection/cases/{id}/cancel": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enterprise_inspection/cases/{id}/conclude": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "compliant" | "guidance" | "rectify" | "case";
          told: boolean;
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enterprise_inspection/cases/{id}/record": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          officer1: string;
          officer2: string;
          certificatesShown: boolean;
          told: boolean;
          scanned?: boolean;
          findings: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/enterprise_inspection/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/enterprise_inspection/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/exam/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          name: string;
          takers: number;
          passed: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/exam/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/exam/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/file-reviews/sample": {
    post: {
      body: {
        reviewerOrgId: number;
        fromOrgId: number;
        year: number;
        count: number;
      };
      response: unknown;
    };
  };
  "/api/file_review/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          caseNumber: string;
          caseOrg: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/file_review/cases/{id}/rectify": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          measures: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/file_review/cases/{id}/score": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          subject: number;
          evidence: number;
          procedure: number;
          law: number;
          documents: number;
          grade: "excellent" | "pass" | "fail";
          problems?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/file_review/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/file_review/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/health": {
    get: {
      response: unknown;
    };
  };
  "/api/hotline/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          orderNo?: string;
          channel: "phone" | "web" | "wechat" | "app" | "letter";
          kind: "consult" | "help" | "complaint" | "report" | "suggestion" | "praise";
          category: string;
          location?: string;
          content: string;
          urgency: "urgent" | "normal" | "complex";
          businessEnv?: boolean;
          parties?: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/approve_extension": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/complete": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: string;
          at?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/dispatch": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          unitId: number;
          note?: string;
          at?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/invalidate": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/refuse_extension": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/reorder": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          ground: "unsatisfied" | "appeal";
          reason: string;
          at?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/request_extension": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/return": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
          at?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/revisit": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          resolved: boolean;
          satisfaction: "satisfied" | "basically" | "unsatisfied";
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/sign": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          at?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/cases/{id}/visit": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          resolved: boolean;
          satisfaction: "satisfied" | "basically" | "unsatisfied";
        };
      };
      response: CaseView;
    };
  };
  "/api/hotline/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/hotline/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/indicators": {
    get: {
      query: {
        orgId?: number;
        from?: string;
        to?: string;
        year?: number;
        keys?: string;
      };
      response: {
        scope: {
          orgId: number;
          from: string;
          to: string;
        };
        values: ({
          key: string;
          name: string;
          label: string;
          unit: string;
          description: string;
          value: number | null;
          numerator?: number;
          denominator?: number;
        })[];
      };
    };
  };
  "/api/indicators/{key}/records": {
    get: {
      params: {
        key: string;
      };
      query: {
        orgId?: number;
        from?: string;
        to?: string;
        year?: number;
        page?: number;
        pageSize?: number;
      };
      response: unknown;
    };
  };
  "/api/inspection-targets": {
    get: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/inspection-targets/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/inspection/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          drawId: number;
          item: string;
          target: string;
          creditCode: string;
          risk: "high" | "medium" | "low";
          inspectors: string;
          joint: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/inspection/cases/{id}/inspect": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "compliant" | "problems" | "case" | "transferred" | "not_found";
          findings?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/inspection/cases/{id}/publicize": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/inspection/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/inspection/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/law_report/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          form: "onsite" | "written";
          reporter: string;
          unit?: number;
          person?: string;
          position?: "party_head" | "government_head" | "department_head" | "other_member";
          year?: number;
          evaluated?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/law_report/cases/{id}/evaluate": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "good" | "fair" | "average" | "poor";
          opinion?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/law_report/cases/{id}/evaluate_with_issues": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "good" | "fair" | "average" | "poor";
          issues: string;
          issueCount: number;
          days: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/law_report/cases/{id}/rectify": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/law_report/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/law_report/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/law_study/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          form: "center_group" | "executive_meeting" | "lecture" | "other";
          topic: string;
          attendees: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/law_study/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/law_study/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/legal_aid/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          source?: "application" | "notice";
          notifier?: string;
          category: "civil" | "criminal" | "administrative" | "compensation" | "labour_arbitration" | "other";
          matter: string;
          noMeansCondition?: boolean;
          noMeansTest?: boolean;
          parties: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/assign": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          lawyer: string;
          firm: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/close": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "won" | "partly" | "mediated" | "lost" | "other";
          summary?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/deem_withdrawn": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/grant": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          recipients: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/object": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          grounds: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/objection_correct": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/objection_maintain": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/provisional": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          ground: "limitation" | "preservation" | "other";
          recipients: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/receive_materials": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/refuse": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/request_materials": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          items: string;
          deadline?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/cases/{id}/terminate": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_aid/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/legal_aid/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/legal_consultation/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          channel: "visit" | "phone" | "online" | "hotline";
          topic: string;
          persons: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_consultation/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/legal_consultation/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/legal_opinion/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          kind: "contract" | "opinion" | "meeting" | "other";
          requester: string;
          subject: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_opinion/cases/{id}/answer": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          adviser: string;
          opinion: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_opinion/cases/{id}/withdraw": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/legal_opinion/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/legal_opinion/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/licensing/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          matter: string;
          channel: "window" | "online" | "mail" | "other";
          parties: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/accept": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/close": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/decide": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          decision: "granted" | "refused";
          reason?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/exclude": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          kind: "hearing" | "tender" | "test" | "appraisal" | "experts";
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/extend": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/issue": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/receive_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/reject": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
          competentOrgan?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/request_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          items: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/resume": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/cases/{id}/withdraw": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/licensing/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/licensing/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/litigation/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          court: string;
          courtCaseNo: string;
          plaintiff: string;
          actUnderReview: string;
          instance: "first" | "second" | "retrial";
          disclosure?: boolean;
          afterReconsideration?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/answer": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/appeal": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          appellant: "agency" | "plaintiff";
          postedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/appearance_notice": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          hearingOn: string;
          ground: "public_interest" | "public_attention" | "mass_incident" | "major_rights" | "public_interest_suit" | "superior_rule" | "court_other";
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/delayed_evidence": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          causeEndedOn: string;
          postedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/hearing": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          headAppeared: boolean;
          headName?: string;
          headRole?: "principal" | "deputy" | "in_charge" | "other_in_charge";
          reasonType?: "force_majeure" | "accident" | "official_duty" | "other";
          reason?: string;
          staffAppeared?: boolean;
          writtenExplanation?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/judgment": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "won" | "lost" | "partly_lost" | "dismissed";
          servedOn?: string;
          appealed?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/judicial_suggestion": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          content: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/jurisdiction_objection": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          grounds: string;
          postedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/link_reconsideration": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reconsiderationNo: string;
          proceduralGround?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/perform": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          performance: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/request_evidence_delay": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
          postedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/retrial": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          effectiveOn: string;
          knownOn?: string;
          postedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/cases/{id}/withdraw": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/litigation/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/litigation/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/major_decision/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          title: string;
          catalogueCode?: string;
          needsExperts: boolean;
          needsRisk: boolean;
          affectsMarket?: boolean;
          congress?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/consult": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method?: "public" | "meeting" | "hearing" | "other" | "exempt";
          from: string;
          to: string;
          opinions: number;
          shortReason?: string;
          servedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/counsel": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          adviser: string;
          opinion: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/discuss": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          meetingKind: "standing" | "plenary";
          meeting: string;
          headDecision: "majority" | "differs";
          headReason?: string;
          dissent?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/evaluate": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          conclusion: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/experts": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          experts: number;
          conclusion: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/fair_competition": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reviewer: "drafter" | "samr";
          conclusion: "clear" | "exception" | "breach";
          exceptionGround?: "security" | "innovation" | "public" | "law";
          term?: string;
          explanation?: string;
          consulted?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/legality": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          submittedOn: string;
          opinion: "lawful" | "amended" | "unlawful" | "exploratory";
          legalRisk?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/publish": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          docNo: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/readjust": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/report_congress": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          kind: "decide" | "report";
          body: string;
          result?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/report_party": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          committee: string;
          reply?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/resume": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/risk": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          level: "low" | "medium" | "high";
          measures: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/stop": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/cases/{id}/suspend": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          situation: "problem" | "change" | "force";
          reason: string;
          head: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/major_decision/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/major_decision/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/mediation/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          source: "application" | "initiative" | "court" | "police" | "petition" | "other";
          category: "family" | "neighbour" | "damages" | "contract" | "labour" | "land" | "property" | "medical" | "traffic" | "other";
          summary: string;
          timeLimitDays?: number;
          parties: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/mediation/cases/{id}/accept": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          mediator: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/mediation/cases/{id}/agree": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          form: "written" | "oral";
          content: string;
          amount?: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/mediation/cases/{id}/decline": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/mediation/cases/{id}/fail": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          routes: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/mediation/cases/{id}/judicial_confirmation": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          court: string;
          joint?: boolean;
          postedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/mediation/cases/{id}/prevent": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          risk: "escalation" | "public_order" | "criminal";
          measures: string;
          reportedTo?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/mediation/cases/{id}/session": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/mediation/cases/{id}/supervise": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          status: "performed" | "partly" | "not_performed";
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/mediation/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/mediation/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/normative_document/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          title: string;
          drafter: string;
          issuerOrgId?: number;
          materials: boolean;
          affectsMarket?: boolean;
          publicComment?: boolean;
          congressFiling?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/cleanup": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "keep" | "amend" | "repeal";
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/close_rejected": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/consult": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          from: string;
          to: string;
          opinions: number;
          shortReason?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/deliberate": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          meeting: string;
          result: "passed" | "amend" | "failed";
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/evaluate": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          legality: string;
          rationality: string;
          coordination: string;
          operability: string;
          effect: string;
          issues: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/fair_competition": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reviewer: "drafter" | "samr";
          conclusion: "clear" | "exception" | "breach";
          exceptionGround?: "security" | "innovation" | "public" | "law";
          term?: string;
          explanation?: string;
          consulted?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/file": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          filedWith: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/file_congress": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          filedWith?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/issue": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          docNo: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/publish": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          medium: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/receive_materials": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/repeal": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/request_materials": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          items: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/review": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          opinion: "approved" | "amended" | "rejected";
          reviewer: string;
          issues?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/cases/{id}/withdraw": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/normative_document/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/normative_document/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/notifications": {
    get: {
      query: {
        unread?: "true" | "false";
        limit?: number;
      };
      response: {
        unread: number;
        items: ({
          id: number;
          kind: string;
          kindLabel: string;
          title: string;
          body: string;
          link: string | null;
          createdAt: string;
          read: boolean;
        })[];
        kinds: {
          [key: string]: string;
        };
      };
    };
  };
  "/api/notifications/preferences": {
    get: {
      response: {
        muted: ("todo" | "supervision" | "urge" | "returned" | "warning" | "security")[];
        channels: ("sms" | "robot" | "email")[];
        quietFrom: string | null;
        quietTo: string | null;
        phone: string | null;
        email: string | null;
      };
    };
    put: {
      body: {
        muted: ("todo" | "supervision" | "urge" | "returned" | "warning" | "security")[];
        channels: ("sms" | "robot" | "email")[];
        quietFrom: string | null;
        quietTo: string | null;
        phone: string | null;
        email: string | null;
      };
      response: {
        muted: ("todo" | "supervision" | "urge" | "returned" | "warning" | "security")[];
        channels: ("sms" | "robot" | "email")[];
        quietFrom: string | null;
        quietTo: string | null;
        phone: string | null;
        email: string | null;
      };
    };
  };
  "/api/notifications/read": {
    post: {
      body: {
        ids?: number[];
      };
      response: unknown;
    };
  };
  "/api/orgs": {
    get: {
      response: OrgNode;
    };
  };
  "/api/orgs/directory": {
    get: {
      response: OrgNode;
    };
  };
  "/api/orgs/{id}/obligations/{obligation}": {
    put: {
      params: {
        id: number;
        obligation: "law_report";
      };
      body: {
        required: boolean | null;
      };
      response: {
        id: number;
        parentId: number | null;
        name: string;
        shortName: string;
        kind: "government" | "office" | "department" | "township" | "committee";
        path: string;
        required: boolean;
        source: "set" | "default";
      };
    };
  };
  "/api/outbound": {
    get: {
      query: {
        limit?: number;
      };
      response: unknown;
    };
  };
  "/api/permissions/matrix": {
    get: {
      response: unknown;
    };
  };
  "/api/petition/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          tier?: "review" | "recheck";
          transferredBy?: "transfer" | "assign";
          channel: "online" | "letter" | "visit" | "phone" | "fax";
          category: "suggestion" | "accusation" | "claim";
          content: string;
          collective?: boolean;
          parties: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/accept": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/answer_recheck": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          opinion: "support" | "explain" | "not_support";
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/answer_review": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          opinion: "support" | "explain" | "not_support";
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/conclude": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          opinion: "support" | "explain" | "not_support";
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/end_hearing": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/extend": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          reason: string;
          approver: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/hold_hearing": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/reject": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/request_recheck": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          answerReceivedOn?: string;
          postedOn?: string;
          recheckOrgId?: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/request_review": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          answerReceivedOn?: string;
          postedOn?: string;
          reviewOrgId?: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/return_transfer": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/route": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          target: "mediation" | "reconsideration" | "litigation" | "arbitration" | "other";
          targetOrgId?: number;
          respondent?: string;
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/cases/{id}/transfer": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          mode: "transfer" | "assign";
          targetOrgId: number;
          feedbackBy?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/petition/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/petition/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/proposal/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          kind: "deputy" | "cppcc";
          code: string;
          proposer: string;
          subject: string;
          coUnits?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/proposal/cases/{id}/answer": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          grade: "A" | "B" | "C";
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/proposal/cases/{id}/contact": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          way: "visit" | "meeting" | "inspection" | "phone" | "online" | "letter";
          opinion: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/proposal/cases/{id}/extend": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          reason: string;
          approver: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/proposal/cases/{id}/feedback": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          opinion: "satisfied" | "basically" | "unsatisfied";
        };
      };
      response: CaseView;
    };
  };
  "/api/proposal/cases/{id}/publish": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          where: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/proposal/cases/{id}/redo": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          opinion?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/proposal/cases/{id}/return": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/proposal/cases/{id}/sign": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/proposal/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/proposal/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/public/audit-checkpoints": {
    get: {
      query: {
        after?: number;
      };
      response: unknown;
    };
  };
  "/api/public/draws": {
    get: {
      response: unknown;
    };
  };
  "/api/public/draws/{id}": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/public/enforcement": {
    get: {
      query: {
        year?: number;
      };
      response: unknown;
    };
  };
  "/api/public/registers": {
    get: {
      response: unknown;
    };
  };
  "/api/public/registers/{id}": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/public/reports": {
    get: {
      query: {
        year?: number;
      };
      response: unknown;
    };
  };
  "/api/public/reports/{id}": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/public/reports/{id}/report.docx": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/public/reports/{id}/report.pdf": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/publicity/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          theme: "constitution_week" | "civil_code_month" | "security_day" | "campus" | "village" | "enterprise" | "other";
          venue: string;
          sessions: number;
          audience: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/publicity/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/publicity/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/rating_rectification/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          service: string;
          comment: string;
          realName?: boolean;
          parties?: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/rating_rectification/cases/{id}/rectify": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          measures: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/rating_rectification/cases/{id}/resolve": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          finding: "explained" | "mistaken" | "malicious";
          detail: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/rating_rectification/cases/{id}/visit": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          satisfaction: "satisfied" | "basically" | "unsatisfied";
        };
      };
      response: CaseView;
    };
  };
  "/api/rating_rectification/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/rating_rectification/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/reconsideration/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          channel: "in_person" | "mail" | "online" | "forwarded";
          respondent: string;
          category: "penalty" | "coercion" | "licensing" | "disclosure" | "nonperformance" | "expropriation" | "work_injury" | "agreement" | "other";
          actUnderReview: string;
          request?: string;
          compensationClaim?: boolean;
          knewOn?: string;
          notInformed?: boolean;
          forwarderReceivedOn?: string;
          actOn?: string;
          immovable?: boolean;
          dutyRequestedOn?: string;
          dutyDeadline?: string;
          emergency?: boolean;
          excludedBasis?: "litigation" | "self_correction";
          excludedFrom?: string;
          excludedTo?: string;
          parties: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/abandon": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/accept": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          lateReason?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/accept_simple": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          ground: "on_the_spot" | "warning" | "small_amount" | "disclosure" | "consent";
          note?: string;
          lateReason?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/approve_extension": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/committee_opinion": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          opinion: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/convert_to_ordinary": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/decide": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          outcome: "upheld" | "dismissed" | "revoked" | "partly_revoked" | "revoked_redo" | "altered" | "confirmed_illegal" | "confirmed_void" | "ordered_performance" | "agreement_liability" | "agreement_compensation";
          approval: "head" | "collective";
          compensation?: "awarded" | "refused";
          dismissalGround?: "void_refused" | "unable" | "worse";
          thirdPartyContrary?: boolean;
          committeeAdoption?: "adopted" | "partly" | "not_adopted";
          committeeNote?: string;
          redoDays?: number;
          reviewers?: string;
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/designate": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          major: boolean;
          technical: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/dismiss_application": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/drafter_reply": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          postedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/end_inspection": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/escalation_declined": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/escalation_ordered": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          superior: string;
          noticeOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/extend_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/forward_review": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
          recipient: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/hear_views": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "in_person" | "online" | "phone" | "written";
          record: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/hold_hearing": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          applicant: "attended" | "waived";
          respondentHead: "attended" | "delegated";
          absenceReason?: string;
          record: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/issue_opinion_letter": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          recipient: string;
          content: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/mediate": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/notify_drafter": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/notify_hearing": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          hearingOn: string;
          place: string;
          matters: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/opinion_reply": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/publish_decision": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          publicity: "published" | "withheld";
          withheldReason?: string;
          copiedTo?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/receive_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          postedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/redone": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/refuse_extension": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/reject": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          ground: "parties" | "standing" | "request" | "late" | "scope" | "jurisdiction" | "repeat" | "wrong_respondent";
          reason: string;
          competentOrgan?: string;
          respondentToldOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/request_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          items: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/request_escalation": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          ground: "public_interest" | "novel" | "guidance" | "other";
          superior: string;
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/request_extension": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/respondent_answer": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          postedOn?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/resume": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          noticeOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/review_handled": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "lawful" | "unlawful";
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/review_reply": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          summary: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/send_copy": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/send_copy_simple": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/serve_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/start_inspection": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          kind: "inspection" | "appraisal";
          appraiser?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/suspend": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          ground: "death" | "incapacity" | "missing" | "dissolved" | "force_majeure" | "mediation" | "interpretation" | "related_case" | "document_review" | "basis_review" | "other";
          competence?: "own" | "forward";
          noticeOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/terminate": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          ground: "withdrawn" | "suspension_expired" | "terminated_other";
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/transfer_files": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/cases/{id}/withdraw_application": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/reconsideration/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/reconsideration/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/registers": {
    get: {
      response: unknown;
    };
    post: {
      body: {
        orgId: number;
        kind: "powers" | "enforcement_items" | "licence_reform" | "exemptions" | "major_decisions" | "publicity_duties" | "inspection_plans" | "counsel_roster" | "certification_pledges" | "filing_items" | "required_laws";
        note: string;
        items: {
          [key: string]: unknown;
        }[];
      };
      response: unknown;
    };
  };
  "/api/registers/import": {
    post: {
      query: {
        orgId: number;
        kind: "powers" | "enforcement_items" | "licence_reform" | "exemptions" | "major_decisions" | "publicity_duties" | "inspection_plans" | "counsel_roster" | "certification_pledges" | "filing_items" | "required_laws";
        note: string;
      };
      response: unknown;
    };
  };
  "/api/registers/kinds": {
    get: {
      response: unknown;
    };
  };
  "/api/registers/template.xlsx": {
    get: {
      query: {
        kind: "powers" | "enforcement_items" | "licence_reform" | "exemptions" | "major_decisions" | "publicity_duties" | "inspection_plans" | "counsel_roster" | "certification_pledges" | "filing_items" | "required_laws";
      };
      response: unknown;
    };
  };
  "/api/registers/{id}": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/registers/{id}/export.xlsx": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/reports": {
    get: {
      query: {
        year?: number;
      };
      response: {
        year: number;
        orgs: ({
          orgId: number;
          orgName: string;
          reportId: number | null;
          state: "draft" | "review" | "approved" | "submitted" | "published" | null;
          stateLabel: string;
          submittedOn: string | null;
          publishedOn: string | null;
          due: string;
          publishBy: string;
          lines: ({
            key: string;
            label: string;
            sentOn: string | null;
            status: "sent" | "late" | "pending" | "overdue";
            statusLabel: string;
          })[];
          late: boolean;
          problems: string[];
          annual: ({
            report: "govinfo" | "enforcement_data" | "proposals";
            label: string;
            submitBy: string | null;
            publishBy: string | null;
            submittedOn: string | null;
            publishedOn: string | null;
            submitStatus: "sent" | "late" | "pending" | "overdue" | null;
            publishStatus: "sent" | "late" | "pending" | "overdue" | null;
            late: boolean;
            problems: string[];
          })[];
        })[];
      };
    };
    post: {
      body: {
        orgId: number;
        year: number;
      };
      response: ReportView;
    };
  };
  "/api/reports/enforcement-data": {
    get: {
      query: {
        orgId: number;
        year: number;
      };
      response: {
        orgId: number;
        orgName: string;
        year: number;
        title: string;
        deadline: {
          submitBy: string | null;
          publishBy: string;
        } | null;
        filing: AnnualFiling;
        rows: ({
          key: string;
          group: string;
          label: string;
          value: number | null;
          unit: string;
          indicator?: string;
          cases?: string[];
          note?: string;
        })[];
      };
    };
  };
  "/api/reports/enforcement-data/publication": {
    post: {
      body: {
        orgId: number;
        year: number;
        publishedOn?: string;
        way?: "website" | "gazette" | "notice_board" | "other";
        url?: string;
      };
      response: AnnualFiling;
    };
  };
  "/api/reports/enforcement-data/submission": {
    post: {
      body: {
        orgId: number;
        year: number;
        sentOn?: string;
        recipient?: string;
        recipientOrgId?: number;
        channel?: "exchange" | "confidential" | "e_document" | "in_person" | "other";
        docNumber?: string;
      };
      response: AnnualFiling;
    };
  };
  "/api/reports/govinfo": {
    get: {
      query: {
        orgId: number;
        year: number;
      };
      response: {
        orgId: number;
        orgName: string;
        year: number;
        title: string;
        deadline: {
          submitBy: string | null;
          publishBy: string;
        } | null;
        filing: AnnualFiling;
        overview: string;
        active: ({
          key: string;
          label: string;
          figures: ({
            label: string;
            value: number | null;
            unit: string;
            indicators: string[];
            cases?: string[];
            note?: string;
          })[];
        })[];
        requests: {
          columns: {
            key: string;
            label: string;
          }[];
          rows: {
            key: string;
            label: string;
            cells: {
              [key: string]: number;
            };
            indicator?: string;
            cases: string[];
          }[];
          balanced: boolean;
        };
        reviews: {
          key: string;
          label: string;
          upheld: number;
          corrected: number;
          other: number;
          pending: number;
          total: number;
          cases: string[];
        }[];
        problems: string;
        other: {
          text: string;
          figures: {
            label: string;
            value: number;
            unit: string;
            indicator: string;
          }[];
        };
        headings: string[];
      };
    };
  };
  "/api/reports/govinfo/publication": {
    post: {
      body: {
        orgId: number;
        year: number;
        publishedOn?: string;
        way?: "website" | "gazette" | "notice_board" | "other";
        url?: string;
      };
      response: AnnualFiling;
    };
  };
  "/api/reports/govinfo/submission": {
    post: {
      body: {
        orgId: number;
        year: number;
        sentOn?: string;
        recipient?: string;
        recipientOrgId?: number;
        channel?: "exchange" | "confidential" | "e_document" | "in_person" | "other";
        docNumber?: string;
      };
      response: AnnualFiling;
    };
  };
  "/api/reports/law-report-coverage": {
    get: {
      query: {
        orgId: number;
        year?: number;
        from?: string;
        to?: string;
      };
      response: {
        orgId: number;
        orgName: string;
        from: string;
        to: string;
        years: number[];
        label: string;
        value: number | null;
        numerator: number;
        denominator: number;
        orgs: ({
          orgId: number;
          name: string;
          kind: "government" | "office" | "department" | "township" | "committee";
          source: "set" | "default";
          reported: boolean;
          cases: string[];
        })[];
        missing: ({
          orgId: number;
          name: string;
          kind: "government" | "office" | "department" | "township" | "committee";
        })[];
        others: {
          orgId: number;
          name: string;
          cases: string[];
        }[];
        basis: string;
      };
    };
  };
  "/api/reports/proposals": {
    get: {
      query: {
        orgId: number;
        year: number;
      };
      response: {
        orgId: number;
        orgName: string;
        year: number;
        title: string;
        asOf: string;
        deadline: {
          submitBy: string;
          recipient: string;
        } | null;
        columns: {
          key: string;
          label: string;
        }[];
        rows: {
          key: string;
          group: string;
          label: string;
          cells: {
            [key: string]: number;
          };
          cases: string[];
          indicator?: string;
        }[];
        rates: ({
          key: string;
          label: string;
          value: number | null;
          numerator: number;
          denominator: number;
        })[];
        overview: string;
        filing: AnnualFiling;
      };
    };
  };
  "/api/reports/proposals/publication": {
    post: {
      body: {
        orgId: number;
        year: number;
        publishedOn?: string;
        way?: "website" | "gazette" | "notice_board" | "other";
        url?: string;
      };
      response: AnnualFiling;
    };
  };
  "/api/reports/proposals/submission": {
    post: {
      body: {
        orgId: number;
        year: number;
        sentOn?: string;
        recipient?: string;
        recipientOrgId?: number;
        channel?: "exchange" | "confidential" | "e_document" | "in_person" | "other";
        docNumber?: string;
      };
      response: AnnualFiling;
    };
  };
  "/api/reports/urge": {
    post: {
      body: {
        year: number;
        orgIds: number[];
      };
      response: unknown;
    };
  };
  "/api/reports/{id}": {
    get: {
      params: {
        id: number;
      };
      response: ReportView;
    };
    put: {
      params: {
        id: number;
      };
      body: {
        version: number;
        title: string;
        sections: ({
          kind: "achievements" | "shortcomings" | "first_responsibility" | "next_year" | "other";
          heading: string;
          body: string;
        })[];
      };
      response: ReportView;
    };
  };
  "/api/reports/{id}/check": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/reports/{id}/deliveries": {
    post: {
      params: {
        id: number;
      };
      body: {
        line: string;
        recipient?: string;
        recipientOrgId?: number;
        sentOn?: string;
        channel?: "exchange" | "confidential" | "e_document" | "in_person" | "other";
        docNumber?: string;
      };
      response: {
        lines: ReportLine[];
      };
    };
  };
  "/api/reports/{id}/preview": {
    post: {
      params: {
        id: number;
      };
      body: {
        sections: ({
          kind: "achievements" | "shortcomings" | "first_responsibility" | "next_year" | "other";
          heading: string;
          body: string;
        })[];
      };
      response: unknown;
    };
  };
  "/api/reports/{id}/report.docx": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/reports/{id}/report.pdf": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/reports/{id}/{action}": {
    post: {
      params: {
        id: number;
        action: "send_review" | "approve" | "return" | "submit" | "publish";
      };
      body: {
        version: number;
        comment?: string;
        copyTo?: number[];
        deliveries?: ({
          line: string;
          recipient?: string;
          recipientOrgId?: number;
          sentOn?: string;
          channel?: "exchange" | "confidential" | "e_document" | "in_person" | "other";
          docNumber?: string;
        })[];
      };
      response: ReportView;
    };
  };
  "/api/search": {
    get: {
      query: {
        q: string;
      };
      response: unknown;
    };
  };
  "/api/security-policy": {
    get: {
      response: unknown;
    };
    put: {
      body: {
        passwordMinLength?: number;
        passwordMinClasses?: number;
        passwordHistory?: number;
        passwordExpiryDays?: number;
        sessionIdleMinutes?: number;
        sessionMaxHours?: number;
        requireTotpForPrivileged?: boolean;
        loginMaxFailures?: number;
        loginLockMinutes?: number;
        accountMaxFailures?: number;
      };
      response: unknown;
    };
  };
  "/api/security/users": {
    get: {
      response: unknown;
    };
  };
  "/api/security/users/{id}/duties": {
    put: {
      params: {
        id: number;
      };
      body: {
        duties: {
          orgId: number;
          subunits?: boolean;
          subject: string;
          actions: string[];
        }[];
      };
      response: unknown;
    };
  };
  "/api/security/users/{id}/role": {
    put: {
      params: {
        id: number;
      };
      body: {
        role: "none" | "admin" | "secadmin" | "auditor" | "clerk" | "leader";
        scopeOrgId?: number;
      };
      response: unknown;
    };
  };
  "/api/service_rating/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          channel: "window" | "web" | "app" | "kiosk" | "hotline" | "sms";
          service: string;
          grade: "very_good" | "good" | "fair" | "bad" | "very_bad";
          active: boolean;
          realName?: boolean;
          comment?: string;
          parties?: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/service_rating/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/service_rating/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/simulate": {
    post: {
      body: {
        type: string;
        intake: {
          [key: string]: unknown;
        };
        steps?: ({
          on: string;
          at?: string;
          action: string;
          fields?: {
            [key: string]: unknown;
          };
          as?: "handler" | "reviewer";
          expect?: {
            state?: string;
            outcome?: string;
            refused?: string;
            refusedStatus?: number;
            clocks?: {
              [key: string]: {
                dueOn?: string | null;
                dueAt?: string | null;
                stoppedAt?: string | null;
                overdue?: boolean;
                status?: string;
                startedOn?: string;
                pausedDays?: number;
                late?: boolean;
              };
            };
          };
        })[];
        title?: string;
        rules?: string[];
        before?: ({
          type: string;
          intake: {
            [key: string]: unknown;
          };
          steps?: ({
            on: string;
            at?: string;
            action: string;
            fields?: {
              [key: string]: unknown;
            };
            as?: "handler" | "reviewer";
            expect?: {
              state?: string;
              outcome?: string;
              refused?: string;
              refusedStatus?: number;
              clocks?: {
                [key: string]: {
                  dueOn?: string | null;
                  dueAt?: string | null;
                  stoppedAt?: string | null;
                  overdue?: boolean;
                  status?: string;
                  startedOn?: string;
                  pausedDays?: number;
                  late?: boolean;
                };
              };
            };
          })[];
        })[];
        until?: string;
        expect?: {
          state?: string;
          outcome?: string;
          refused?: string;
          refusedStatus?: number;
          clocks?: {
            [key: string]: {
              dueOn?: string | null;
              dueAt?: string | null;
              stoppedAt?: string | null;
              overdue?: boolean;
              status?: string;
              startedOn?: string;
              pausedDays?: number;
              late?: boolean;
            };
          };
        };
      };
      response: unknown;
    };
  };
  "/api/sme_payment_complaint/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          complainant: string;
          payer: string;
          payerKind: "organ" | "institution" | "large";
          subject: "goods" | "works" | "services";
          amount: number;
          deliveredOn?: string;
          acceptedOn?: string;
          agreedDays?: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/sme_payment_complaint/cases/{id}/accept": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          handler: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/sme_payment_complaint/cases/{id}/conclude": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          finding: "paid" | "partly_paid" | "plan" | "not_arrears" | "terminated";
          paid: number;
          paidOn?: string;
          interestBasis: "none" | "agreed" | "statutory";
          agreedRate?: number;
          lpr?: number;
          interest?: number;
          result: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/sme_payment_complaint/cases/{id}/extend": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          days: number;
          approver: string;
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/sme_payment_complaint/cases/{id}/reject": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/sme_payment_complaint/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/sme_payment_complaint/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/state_compensation/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          channel: "in_person" | "mail" | "oral" | "other";
          act: string;
          harm: "personal" | "property" | "both";
          request?: string;
          claimed?: number;
          relation?: string;
          knewOn?: string;
          custodyDays?: number;
          parties: ({
            role: "applicant" | "agent" | "third_party";
            kind?: "person" | "organisation";
            name: string;
            idNumber?: string;
            phone?: string;
            address?: string;
          })[];
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/accept": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          receipt?: boolean;
          timeLimitReason?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/award": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "money" | "return_property" | "restore";
          items: string;
          amount: number;
          apology?: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/court_judgment": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          result: "award" | "mediation" | "dismissed";
          documentNo: string;
          amount: number;
          effectiveOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/finance_apply": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          finance: string;
          application: boolean;
          document: boolean;
          identity: boolean;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/finance_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          items: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/finance_supplement": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/hear_views": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          way: "in_person" | "phone" | "written";
          views: string;
          negotiated?: boolean;
          agreement?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/pay": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          amount: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/payment_apply": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          form: "written" | "proxy" | "oral";
          document: "decision" | "judgment" | "mediation" | "reconsideration";
          documentNo: string;
          amount: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/payment_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          items: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/payment_reject": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/payment_supplement": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/receive_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          [key: string]: unknown;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/refuse": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/request_correction": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          items: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/serve": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          method: "direct" | "left" | "post" | "electronic" | "entrusted" | "announcement";
          servedOn: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/sued": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          court: string;
          filedOn: string;
          litigationNumber?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/sued_no_decision": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          court: string;
          filedOn: string;
          litigationNumber?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/cases/{id}/withdraw": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/state_compensation/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/state_compensation/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/stats/compare": {
    get: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        keys?: string;
      };
      response: unknown;
    };
  };
  "/api/stats/matrix": {
    get: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        keys: string;
      };
      response: unknown;
    };
  };
  "/api/stats/matrix.xlsx": {
    get: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        keys: string;
      };
      response: unknown;
    };
  };
  "/api/stats/overdue": {
    get: {
      query: {
        orgId?: number;
      };
      response: unknown;
    };
  };
  "/api/stats/ranking": {
    get: {
      query: {
        orgId?: number;
        from: string;
        to: string;
        key: string;
      };
      response: unknown;
    };
  };
  "/api/stats/trend": {
    get: {
      query: {
        orgId?: number;
        year: number;
        key: string;
      };
      response: unknown;
    };
  };
  "/api/supervision/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          subject: string;
          demand: string;
          replyDays: number;
          caseNumber?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/supervision/cases/{id}/close": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          grade: "done" | "partly";
          note?: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/supervision/cases/{id}/press": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reason: string;
        };
      };
      response: CaseView;
    };
  };
  "/api/supervision/cases/{id}/reply": {
    post: {
      params: {
        id: number;
      };
      body: {
        version: number;
        on?: string;
        data?: {
          reply: string;
          grade: "done" | "partly";
        };
      };
      response: CaseView;
    };
  };
  "/api/supervision/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/supervision/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/supervisions": {
    post: {
      body: {
        caseId?: number;
        orgId?: number;
        subject: string;
        demand: string;
        replyDays: number;
      };
      response: unknown;
    };
  };
  "/api/todos": {
    get: {
      response: {
        counts: {
          [key: string]: number;
        };
        total: number;
        truncated: boolean;
        items: ({
          kind: "step" | "approval" | "returned" | "supervision" | "hotline";
          what: string;
          title: string;
          number: string | null;
          orgName: string;
          typeName: string;
          stateLabel: string;
          handlerName: string | null;
          mine: boolean;
          dueOn: string | null;
          overdue: boolean;
          link: string;
          caseId?: number;
          reportId?: number;
          comment?: string | null;
        })[];
        kinds: {
          [key: string]: string;
        };
      };
    };
  };
  "/api/training/cases": {
    post: {
      body: {
        orgId: number;
        fields: {
          receivedOn: string;
          audience: "leaders" | "enforcement" | "staff" | "grassroots";
          topic: string;
          participants: number;
        };
      };
      response: CaseView;
    };
  };
  "/api/training/import": {
    post: {
      query: {
        orgId: number;
      };
      response: unknown;
    };
  };
  "/api/training/import-template.xlsx": {
    get: {
      response: unknown;
    };
  };
  "/api/users": {
    get: {
      query: {
        q?: string;
        orgId?: number;
        role?: "none" | "admin" | "secadmin" | "auditor" | "clerk" | "leader";
        status?: "active" | "disabled" | "locked";
      };
      response: ({
        id: number;
        username: string;
        displayName: string;
        role: "none" | "admin" | "secadmin" | "auditor" | "clerk" | "leader";
        roleLabel: string;
        orgId: number;
        orgName: string;
        scopeOrgId: number;
        scopeOrgName: string;
        active: boolean;
        locked: boolean;
        lockedUntil: string | null;
        lockedAddresses: number;
        mustChangePassword: boolean;
        passwordExpired: boolean;
        totpEnabled: boolean;
        lastLoginAt: string | null;
        createdAt: string;
      })[];
    };
    post: {
      body: {
        username: string;
        displayName: string;
        orgId: number;
        scopeOrgId?: number;
        role?: "none" | "admin" | "secadmin" | "auditor" | "clerk" | "leader";
      };
      response: unknown;
    };
  };
  "/api/users/roles": {
    get: {
      response: unknown;
    };
  };
  "/api/users/{id}": {
    get: {
      params: {
        id: number;
      };
      response: unknown;
    };
    put: {
      params: {
        id: number;
      };
      body: {
        displayName?: string;
        orgId?: number;
        scopeOrgId?: number;
        role?: "none" | "admin" | "secadmin" | "auditor" | "clerk" | "leader";
      };
      response: unknown;
    };
  };
  "/api/users/{id}/disable": {
    post: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/users/{id}/enable": {
    post: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/users/{id}/reset-password": {
    post: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/users/{id}/reset-totp": {
    post: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/users/{id}/unlock": {
    post: {
      params: {
        id: number;
      };
      response: unknown;
    };
  };
  "/api/warning-rules": {
    get: {
      response: unknown;
    };
    put: {
      body: {
        type: string;
        clock: string;
        yellowDays: number;
        escalate: boolean;
      };
      response: unknown;
    };
  };
  "/api/warnings": {
    get: {
      query: {
        level?: "yellow" | "red";
      };
      response: unknown;
    };
  };
}

export type AnnualFiling = {
  report: "govinfo" | "enforcement_data" | "proposals";
  label: string;
  orgId: number;
  orgName: string;
  year: number;
  submitBy: string | null;
  publishBy: string | null;
  submission: {
    sentOn: string;
    recipient: string;
    channel: string;
    docNumber: string | null;
  } | null;
  publication: {
    publishedOn: string;
    way: string;
    url: string | null;
  } | null;
  submitStatus: "sent" | "late" | "pending" | "overdue" | null;
  submitStatusLabel: string | null;
  publishStatus: "sent" | "late" | "pending" | "overdue" | null;
  publishStatusLabel: string | null;
  late: boolean;
  problems: string[];
};

export type CaseView = {
  id: number;
  type: string;
  typeName: string;
  number: string;
  title: string;
  state: string;
  stateLabel: string;
  final: boolean;
  outcome: string | null;
  outcomeLabel: string | null;
  orgId: number;
  orgName: string;
  receivedOn: string;
  closedOn: string | null;
  handlerName: string | null;
  fields: {
    [key: string]: unknown;
  };
  version: number;
  personalDataMasked: boolean;
  parties: ({
    role: string;
    name: string;
    idNumber: string | null;
    phone: string | null;
    address: string | null;
    masked: boolean;
  })[];
  clocks: ({
    key: string;
    label: string;
    basis: string;
    unit: "day" | "workday" | "month" | "hour";
    length: number;
    status: "pending" | "running" | "paused" | "stopped";
    startedOn: string | null;
    dueOn: string | null;
    stoppedOn: string | null;
    startedAt: string | null;
    dueAt: string | null;
    stoppedAt: string | null;
    stoppedBy: string | null;
    extended: number;
    pausedDays: number;
    warnings: string[];
    daysLeft: number | null;
    overdue: boolean;
    late: boolean;
  })[];
  timeline: ({
    id: number;
    kind: string;
    label: string;
    on: string;
    fromState: string | null;
    toState: string;
    toStateLabel: string;
    outcome: string | null;
    outcomeLabel: string | null;
    data: unknown;
    actorName: string;
    recordedAt: string;
  })[];
  actions: ({
    key: string;
    label: string;
    basis: string | null;
    schema: {
      [key: string]: unknown;
    } | null;
    defaults: {
      [key: string]: unknown;
    };
  })[];
  attachments: ({
    id: number;
    event_id: number | null;
    filename: string;
    mime: string;
    size: number;
    sm3: string;
    uploaded_at: string;
    step: string | null;
  })[];
  links: {
    caseId: number;
    number: string;
    typeName: string;
    stateLabel: string;
    direction: string;
    via: string;
  }[];
};

export type OrgNode = {
  id: number;
  parentId: number | null;
  name: string;
  shortName: string;
  kind: "government" | "office" | "department" | "township" | "committee";
  path: string;
  children: OrgNode[];
};

export type ReportLine = {
  key: string;
  label: string;
  kind: "report" | "copy";
  due: string;
  sentOn: string | null;
  status: "sent" | "late" | "pending" | "overdue";
  statusLabel: string;
  recipient: string | null;
  channel: string | null;
  docNumber: string | null;
};

export type ReportView = {
  id: number;
  org_id: number;
  year: number;
  state: "draft" | "review" | "approved" | "submitted" | "published";
  title: string;
  version: number;
  created_at: string;
  updated_at: string;
  submitted_on: string | null;
  published_on: string | null;
  submitted_to: number | null;
  copied_to: number[];
  approved_by: number | null;
  approved_on: string | null;
  sections: ({
    kind: "achievements" | "shortcomings" | "first_responsibility" | "next_year" | "other";
    heading: string;
    body: string;
    number?: string;
    rendered?: string;
  })[];
  figures: ({
    token: string;
    key: string;
    name: string;
    value: number | null;
    unit: string;
    display: string;
    numerator?: number;
    denominator?: number;
    scope?: {
      orgId: number;
      from: string;
      to: string;
    };
    records?: {
      number: string;
      inNumerator?: boolean;
    }[];
  })[];
  unknown: string[];
  signature: string;
  date: string;
  frozen: boolean;
  orgName: string;
  stateLabel: string;
  submittedToName: string | null;
  copiedToNames: string[];
  lines: ReportLine[];
  actions: ({
    key: "send_review" | "approve" | "return" | "submit" | "publish";
    label: string;
  })[];
  timeline: ({
    at: string;
    action: string;
    label: string;
    by: string;
    comment: string | null;
  })[];
};
