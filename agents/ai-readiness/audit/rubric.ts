import type { TextKind } from '../evidence/text';

export const FRAMEWORKS = ['eu_ai_act', 'nist_ai_rmf'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export const FRAMEWORK_NAMES: Record<Framework, string> = { eu_ai_act: 'EU AI Act', nist_ai_rmf: 'NIST AI RMF' };

/** Most urgent first: the order gaps are listed in. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * One piece of evidence a domain looks for. It earns all its points or none: a file at a
 * matching path, or a file of one of the named kinds whose text matches, is the evidence.
 */
export interface Check {
  id: string;
  label: string;
  points: number;
  path?: RegExp;
  text?: { pattern: RegExp; in: TextKind[] };
  /** What is reported when no file earns the check. */
  gap: string;
  severity: Severity;
  evidenceMissing: string[];
  remediation: string;
}

export interface Domain {
  id: string;
  title: string;
  references: Record<Framework, string>;
  /** Their points add up to 100. */
  checks: Check[];
}

const PROSE: TextKind[] = ['document', 'data'];

export const DOMAINS: Domain[] = [
  {
    id: 'risk_classification',
    title: 'Risk classification',
    references: { eu_ai_act: 'Art. 6 (classification), Art. 9 (risk management system)', nist_ai_rmf: 'MAP (context, risk categorisation)' },
    checks: [
      {
        id: 'risk_assessment',
        label: 'A risk assessment or risk register',
        points: 30,
        path: /(^|\/)([^/]*(risk[-_ ]?(assessment|register|classification|management|analysis)|ai[-_ ]risk)[^/]*$|risks?\/[^/])/i,
        gap: 'No AI risk assessment or risk register',
        severity: 'critical',
        evidenceMissing: ['docs/risk-assessment.md', 'risk_register.*'],
        remediation: 'Write docs/risk-assessment.md: each risk of the AI system with its likelihood, impact, owner and mitigation, reviewed on every significant change.',
      },
      {
        id: 'risk_category',
        label: 'The risk category of the system stated',
        points: 30,
        text: { pattern: /\b(high[- ]risk|limited[- ]risk|minimal[- ]risk|unacceptable[- ]risk|prohibited (ai )?practices?|risk (classification|category|tier|level))\b/i, in: PROSE },
        gap: 'The AI system has no stated risk classification',
        severity: 'critical',
        evidenceMissing: ['a document stating the risk category (e.g. "high-risk", "limited risk")'],
        remediation: 'State the risk category of each AI system (prohibited, high-risk, limited or minimal risk) with the reasoning, in the risk assessment or the model card.',
      },
      {
        id: 'intended_use',
        label: 'Intended use and foreseeable misuse described',
        points: 20,
        text: { pattern: /\b(intended (use|purpose)s?|out[- ]of[- ]scope uses?|foreseeable misuse)\b/i, in: PROSE },
        gap: 'Intended use and foreseeable misuse are not described',
        severity: 'high',
        evidenceMissing: ['an "Intended use" section in the model card or system documentation'],
        remediation: 'Add an "Intended use" section: who uses the system, for what, and which uses are out of scope or foreseeable misuse.',
      },
      {
        id: 'impact_assessment',
        label: 'An impact assessment (fundamental rights, DPIA)',
        points: 20,
        path: /(^|\/)[^/]*(impact[-_ ]?assessment|dpia|fria)[^/]*$/i,
        text: { pattern: /\b((fundamental rights|data protection|algorithmic|ai) impact assessment|dpia|fria)\b/i, in: PROSE },
        gap: 'No impact assessment',
        severity: 'medium',
        evidenceMissing: ['docs/impact-assessment.md', 'DPIA'],
        remediation: 'Carry out and file a fundamental rights or data protection impact assessment for the system (docs/impact-assessment.md).',
      },
    ],
  },
  {
    id: 'human_oversight',
    title: 'Human oversight',
    references: { eu_ai_act: 'Art. 14 (human oversight)', nist_ai_rmf: 'GOVERN (roles, oversight), MANAGE' },
    checks: [
      {
        id: 'oversight_described',
        label: 'Human oversight of outputs described',
        points: 35,
        text: { pattern: /\bhuman[- ](oversight|in[- ]the[- ]loop|on[- ]the[- ]loop|reviews?|reviewers?)\b/i, in: PROSE },
        gap: 'No documented human oversight of the AI system',
        severity: 'critical',
        evidenceMissing: ['docs/human-oversight.md', 'a "human oversight" or "human-in-the-loop" procedure'],
        remediation: 'Document who reviews the system\'s outputs, when a person must decide, and how they are told about the system\'s limits (docs/human-oversight.md).',
      },
      {
        id: 'intervention',
        label: 'A way for people to override or stop the system',
        points: 25,
        text: { pattern: /\b(override|kill[- ]switch|stop button|manual (review|intervention|fallback)|escalat\w* to (a )?human)\b/i, in: ['document'] },
        gap: 'No documented way to override or stop the system',
        severity: 'high',
        evidenceMissing: ['an override, stop or manual fallback procedure'],
        remediation: 'Describe how an operator overrides a decision, falls back to manual handling, or stops the system, and test it.',
      },
      {
        id: 'accountability',
        label: 'Roles and responsibilities assigned',
        points: 20,
        text: { pattern: /\b(roles and responsibilities|raci|accountable (owner|person|party|team)|responsible (owner|person|party|team)|ai (governance )?(owner|officer|committee|board))\b/i, in: PROSE },
        gap: 'No named owner or roles for the AI system',
        severity: 'medium',
        evidenceMissing: ['a roles and responsibilities (RACI) section'],
        remediation: 'Name the accountable owner of each AI system and the roles of reviewers and operators (a RACI table in the governance docs).',
      },
      {
        id: 'operator_training',
        label: 'Training or instructions for operators',
        points: 20,
        text: { pattern: /\b(ai literacy|(operator|reviewer|staff|user)s? (training|instructions)|training (for|of) (operators|reviewers|staff))\b/i, in: PROSE },
        gap: 'No training or instructions for the people overseeing the system',
        severity: 'medium',
        evidenceMissing: ['operator training material or instructions'],
        remediation: 'Write instructions for operators and reviewers (what the system can and cannot do, how to intervene) and record who was trained.',
      },
    ],
  },
  {
    id: 'data_governance',
    title: 'Data governance',
    references: { eu_ai_act: 'Art. 10 (data and data governance)', nist_ai_rmf: 'MAP (data), MEASURE (data quality, bias)' },
    checks: [
      {
        id: 'datasheet',
        label: 'A datasheet or data card for the training data',
        points: 30,
        path: /(^|\/)([^/]*(data[-_ ]?sheet|data[-_ ]?card|dataset[-_ ]?card)[^/]*$|docs\/(data|datasets)\/[^/])/i,
        gap: 'No datasheet for the data the system is trained or evaluated on',
        severity: 'critical',
        evidenceMissing: ['docs/data/', 'datasheet.md'],
        remediation: 'Write a datasheet per dataset (docs/data/<dataset>.md): source, collection method, licence, personal data, known gaps and preprocessing.',
      },
      {
        id: 'provenance',
        label: 'Data sources and provenance described',
        points: 25,
        text: { pattern: /\b(data (provenance|lineage|sources?|collection)|training data|dataset (sources?|origin))\b/i, in: PROSE },
        gap: 'The provenance of training data is not described',
        severity: 'high',
        evidenceMissing: ['a description of data sources and lineage'],
        remediation: 'Record where each dataset comes from, under what terms, and how it was collected and transformed.',
      },
      {
        id: 'quality_and_bias',
        label: 'Data quality and bias examined',
        points: 20,
        text: { pattern: /\b(bias|fairness|representativeness|data quality|class imbalance)\b/i, in: PROSE },
        gap: 'No examination of data quality or bias',
        severity: 'high',
        evidenceMissing: ['a bias or data quality assessment'],
        remediation: 'Assess the data for quality, representativeness and bias, record the results and the mitigations taken.',
      },
      {
        id: 'privacy_and_retention',
        label: 'Personal data handling and retention',
        points: 25,
        path: /(^|\/)[^/]*(privacy|retention)[^/]*$/i,
        text: { pattern: /\b(data retention|retention (period|policy|schedule)|personal data|gdpr|data minimi[sz]ation|(anonymi|pseudonymi)[sz](ation|ed))\b/i, in: PROSE },
        gap: 'No data retention or personal data policy',
        severity: 'high',
        evidenceMissing: ['PRIVACY.md', 'a data retention policy'],
        remediation: 'Write a privacy and data retention policy: which personal data is used, its legal basis, how long it is kept and how it is deleted.',
      },
    ],
  },
  {
    id: 'transparency',
    title: 'Transparency',
    references: { eu_ai_act: 'Art. 13 (transparency to deployers), Art. 50 (transparency obligations)', nist_ai_rmf: 'GOVERN, MEASURE (transparency, accountability)' },
    checks: [
      {
        id: 'model_card',
        label: 'A model card',
        points: 40,
        path: /(^|\/)([^/]*model[-_ ]?card[^/]*$|docs\/models\/[^/])/i,
        gap: 'No model card for the AI system',
        severity: 'critical',
        evidenceMissing: ['docs/models/', 'model_card.md'],
        remediation: 'Create a model card at docs/models/<model>.md documenting training data, intended use, performance, limitations and risk classification.',
      },
      {
        id: 'ai_disclosure',
        label: 'People are told they deal with AI',
        points: 20,
        text: { pattern: /\b(ai[- ]generated|generated by (an? )?(ai|artificial intelligence|machine learning)|interacting with (an? )?(ai|artificial intelligence|chatbot|automated system)|(ai|automated decision[- ]making) disclosure)\b/i, in: PROSE },
        gap: 'Users are not told when they interact with AI or see AI-generated content',
        severity: 'high',
        evidenceMissing: ['an AI disclosure notice'],
        remediation: 'Tell users when they interact with an AI system and label AI-generated content; document the notice and where it is shown.',
      },
      {
        id: 'limitations',
        label: 'Known limitations documented',
        points: 20,
        text: { pattern: /\b(known limitations|limitations and risks|(model|system) limitations|failure modes)\b/i, in: PROSE },
        gap: 'Known limitations of the system are not documented',
        severity: 'medium',
        evidenceMissing: ['a "Limitations" section'],
        remediation: 'Document the known limitations and failure modes of the system and the conditions under which its accuracy drops.',
      },
      {
        id: 'user_documentation',
        label: 'Instructions for use (README, user guide)',
        points: 20,
        path: /(^|\/)readme(\.[a-z]+)?$/i,
        text: { pattern: /\b(instructions for use|user guide|user manual)\b/i, in: PROSE },
        gap: 'No instructions for use',
        severity: 'medium',
        evidenceMissing: ['README.md', 'a user guide'],
        remediation: 'Provide instructions for use: what the system does, how to operate it, its accuracy and its limits (README.md or a user guide).',
      },
    ],
  },
  {
    id: 'security',
    title: 'Security',
    references: { eu_ai_act: 'Art. 15 (accuracy, robustness and cybersecurity)', nist_ai_rmf: 'MEASURE (security, resilience), MANAGE' },
    checks: [
      {
        id: 'security_policy',
        label: 'A security policy (SECURITY.md)',
        points: 25,
        path: /(^|\/)security([-_ ]policy)?(\.[a-z]+)?$/i,
        gap: 'No security policy or vulnerability reporting process',
        severity: 'critical',
        evidenceMissing: ['SECURITY.md'],
        remediation: 'Add SECURITY.md: how to report a vulnerability, the response times, and the supported versions.',
      },
      {
        id: 'access_control',
        label: 'Access control (CODEOWNERS, auth code, RBAC)',
        points: 25,
        path: /(^|\/)(codeowners$|(auth|authz|authn|rbac|permissions?|access[-_]control)(\/|[-_.][^/]*$))/i,
        text: { pattern: /\b(rbac|role[- ]based access|access control|least privilege|multi[- ]factor authentication)\b/i, in: PROSE },
        gap: 'No evidence of access control',
        severity: 'high',
        evidenceMissing: ['CODEOWNERS', 'auth or RBAC code or documentation'],
        remediation: 'Restrict who can change models, data and code (CODEOWNERS, role-based access to the system) and document it.',
      },
      {
        id: 'ci',
        label: 'Continuous integration',
        points: 20,
        path: /(^|\/)(\.github\/workflows\/[^/]+\.ya?ml|\.gitlab-ci\.ya?ml|jenkinsfile|\.circleci\/config\.ya?ml|azure-pipelines\.ya?ml|bitbucket-pipelines\.ya?ml|\.travis\.ya?ml|\.buildkite\/[^/]+)$/i,
        gap: 'No continuous integration checks',
        severity: 'medium',
        evidenceMissing: ['.github/workflows/', '.gitlab-ci.yml'],
        remediation: 'Run tests and checks on every change in CI (.github/workflows/ or .gitlab-ci.yml).',
      },
      {
        id: 'dependency_scanning',
        label: 'Dependency or code scanning',
        points: 15,
        path: /(^|\/)(\.github\/dependabot\.ya?ml|renovate\.json5?|\.renovaterc(\.json)?|\.snyk)$/i,
        text: { pattern: /\b(dependabot|renovate|snyk|trivy|codeql|semgrep|npm audit|pip-audit|osv-scanner|grype)\b/i, in: PROSE },
        gap: 'No dependency or code scanning',
        severity: 'medium',
        evidenceMissing: ['.github/dependabot.yml', 'a scanner (CodeQL, Trivy, Snyk) in CI'],
        remediation: 'Scan dependencies and code for known vulnerabilities (Dependabot or Renovate, CodeQL or Trivy in CI).',
      },
      {
        id: 'robustness_testing',
        label: 'Adversarial or robustness testing',
        points: 15,
        text: { pattern: /\b(adversarial (testing|examples|attacks?)|red[- ]team(ing)?|penetration test(s|ing)?|pen[- ]?test(s|ing)?|prompt injection|robustness (testing|evaluation|tests?))\b/i, in: PROSE },
        gap: 'No adversarial or robustness testing',
        severity: 'medium',
        evidenceMissing: ['a red-team, penetration or robustness test report'],
        remediation: 'Test the system against adversarial inputs (prompt injection, data poisoning, evasion), keep the reports and fix what they find.',
      },
    ],
  },
  {
    id: 'technical_documentation',
    title: 'Technical documentation',
    references: { eu_ai_act: 'Art. 11 and Annex IV (technical documentation)', nist_ai_rmf: 'MAP, MEASURE (evaluation)' },
    checks: [
      {
        id: 'docs_folder',
        label: 'A documentation folder',
        points: 20,
        path: /(^|\/)(docs?|documentation)\/[^/]/i,
        gap: 'No documentation folder',
        severity: 'medium',
        evidenceMissing: ['docs/'],
        remediation: 'Keep the system\'s documentation with its code, in docs/.',
      },
      {
        id: 'architecture',
        label: 'System architecture described',
        points: 20,
        path: /(^|\/)([^/]*(architecture|design[-_ ]doc)[^/]*$|docs\/(adr|architecture|design)\/[^/])/i,
        text: { pattern: /\b(system architecture|architecture (overview|diagram)|data flow diagram|system design)\b/i, in: PROSE },
        gap: 'The system architecture is not described',
        severity: 'high',
        evidenceMissing: ['docs/architecture.md'],
        remediation: 'Describe the system architecture: components, models, data flows and external services (docs/architecture.md).',
      },
      {
        id: 'tests',
        label: 'Automated tests',
        points: 20,
        path: /(^|\/)((tests?|__tests__|spec)\/[^/]|[^/]+[._-](test|spec)\.[a-z]+$|test_[^/]+\.py$)/i,
        gap: 'No automated tests',
        severity: 'high',
        evidenceMissing: ['tests/', '*.test.*'],
        remediation: 'Add automated tests for the system, including its model-facing code, and run them in CI.',
      },
      {
        id: 'evaluation',
        label: 'Evaluation results and metrics',
        points: 20,
        text: { pattern: /\b(evaluation (results|metrics|report)|accuracy|precision|recall|f1[- ]score|benchmark(s|ed)?|model performance)\b/i, in: PROSE },
        gap: 'No evaluation results or performance metrics',
        severity: 'high',
        evidenceMissing: ['an evaluation report with accuracy metrics'],
        remediation: 'Evaluate the model against defined metrics (accuracy, precision, recall, robustness) and publish the results with the test data used.',
      },
      {
        id: 'licence',
        label: 'A licence',
        points: 20,
        path: /(^|\/)((licen[cs]e|copying)(\.[a-z]+)?$|licenses?\/[^/])/i,
        gap: 'No licence file',
        severity: 'low',
        evidenceMissing: ['LICENSE'],
        remediation: 'Add a LICENSE file and record the licences of third-party models and datasets.',
      },
    ],
  },
  {
    id: 'record_keeping',
    title: 'Record keeping',
    references: { eu_ai_act: 'Art. 12 (record-keeping), Art. 73 (reporting of serious incidents)', nist_ai_rmf: 'GOVERN, MANAGE (monitoring, incidents)' },
    checks: [
      {
        id: 'logging',
        label: 'Logging in code or configuration',
        points: 30,
        path: /(^|\/)([^/]*(logging|logger)[^/]*\.(ts|js|py|go|java|rb|cs|kt|rs|ya?ml|json|conf|ini|xml|toml|properties)|(log4j2?|logback)[^/]*\.(xml|properties|ya?ml|json))$/i,
        text: { pattern: /\b(winston|pino|bunyan|structlog|log4j|slf4j|logback|logrus|zerolog)\b|\bimport logging\b|\bgetLogger\(/, in: ['code', 'data'] },
        gap: 'No logging of the system\'s operation',
        severity: 'critical',
        evidenceMissing: ['logging configuration', 'a logging library in the code'],
        remediation: 'Log the system\'s operation (inputs, outputs, decisions, model version) with a structured logger, so events can be traced afterwards.',
      },
      {
        id: 'audit_trail',
        label: 'Audit trail or decision logs described',
        points: 25,
        text: { pattern: /\b(audit (logs?|trails?)|event logs?|(decision|inference|prediction) logs?|traceability)\b/i, in: PROSE },
        gap: 'No audit trail of the system\'s decisions',
        severity: 'high',
        evidenceMissing: ['an audit log or decision log description'],
        remediation: 'Keep an audit trail of the system\'s decisions and of who reviewed or overrode them, and document what it records.',
      },
      {
        id: 'log_retention',
        label: 'Log retention stated',
        points: 15,
        text: { pattern: /\b(log retention|retention of (logs|records)|(logs|records) (are|will be) (retained|kept|stored) for)\b/i, in: PROSE },
        gap: 'How long logs are kept is not stated',
        severity: 'medium',
        evidenceMissing: ['a log retention period'],
        remediation: 'State how long logs and records are kept (at least six months for high-risk systems under the EU AI Act) and enforce it.',
      },
      {
        id: 'incident_response',
        label: 'Incident response process',
        points: 20,
        path: /(^|\/)[^/]*(incident|post[-_]?mortem|runbook)[^/]*$/i,
        text: { pattern: /\b(incident (response|management|reporting|report)|post[- ]?mortem|serious incidents?)\b/i, in: PROSE },
        gap: 'No incident response process',
        severity: 'high',
        evidenceMissing: ['docs/incident-response.md', 'runbooks/'],
        remediation: 'Write an incident response process for AI failures: detection, escalation, reporting of serious incidents, and post-mortems.',
      },
      {
        id: 'change_history',
        label: 'Change history (changelog, decision records)',
        points: 10,
        path: /(^|\/)((changelog|changes|history|releases?)(\.[a-z]+)?$|docs\/(adr|decisions)\/[^/])/i,
        gap: 'No record of changes to the system',
        severity: 'low',
        evidenceMissing: ['CHANGELOG.md', 'docs/adr/'],
        remediation: 'Keep a changelog of model and system changes, and decision records for significant ones.',
      },
    ],
  },
];

/**
 * How much each domain counts towards a framework's overall score (out of 100). The EU AI Act
 * makes classification decide the obligations and technical documentation a condition of
 * conformity; the NIST AI RMF weighs transparency as part of MEASURE.
 */
export const FRAMEWORK_WEIGHTS: Record<Framework, Record<string, number>> = {
  eu_ai_act: { risk_classification: 20, human_oversight: 15, data_governance: 15, transparency: 10, security: 15, technical_documentation: 15, record_keeping: 10 },
  nist_ai_rmf: { risk_classification: 20, human_oversight: 15, data_governance: 15, transparency: 15, security: 15, technical_documentation: 10, record_keeping: 10 },
};

/** Every check with the key its evidence is recorded under (`domain.check`). */
export const RUBRIC_CHECKS = DOMAINS.flatMap((domain) => domain.checks.map((check) => ({ key: `${domain.id}.${check.id}`, domain, check })));
