// Small typed wrappers of the admin API's lists and resources used by several pages.
import type { EscalationPolicyJson } from '@heinrich/contracts/escalation-policies';
import type { TeamJson } from '@heinrich/contracts/teams';
import { listAllPages } from './incidents';

export const listTeams = () => listAllPages<TeamJson>('/teams');
export const listPolicies = () => listAllPages<EscalationPolicyJson>('/escalation-policies');
