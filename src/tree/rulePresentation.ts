/** How the "Protection Rules" row and each rule row look (beside presentation.ts, which dispatches here). */
import { ruleText } from '../core/protection/protectionRules';
import { plainLine } from '../util/format';
import { text, verbatim } from '../util/text';
import type { ProtectionRuleNode, ProtectionRulesNode } from './nodes';
import type { Presentation } from './presentationTypes';

const RULES_NOTE = text('Who may publish and delete matching packages. Maintainers and owners may read and change the rules.');

export function presentRules(node: ProtectionRulesNode): Presentation {
  const rules = node.parent.protection?.rules.length ?? 0;
  return {
    label: text('Protection Rules'),
    description: rules === 1 ? text('1 rule') : text('{0} rules', rules),
    tooltip: { title: '', facts: [], note: RULES_NOTE },
    icon: 'shield',
    // A read-only token (read_api) may list rules but not change them: no Add Rule… then.
    contextValue: node.parent.readOnly ? 'protectionRules.readOnly' : 'protectionRules',
    collapsible: true,
  };
}

export function presentRule(node: ProtectionRuleNode): Presentation {
  const r = node.rule;
  return {
    label: verbatim(plainLine(r.packageNamePattern, 300)),
    description: text('{0} · {1}', verbatim(r.packageType), ruleText(r)),
    tooltip: {
      title: plainLine(r.packageNamePattern, 300),
      facts: [
        { label: text('Type'), value: verbatim(r.packageType) },
        { label: text('Push'), value: verbatim(`${r.minimumAccessLevelForPush ?? 'developer'}+`) },
        { label: text('Delete'), value: verbatim(`${r.minimumAccessLevelForDelete ?? 'maintainer'}+`) },
      ],
    },
    icon: 'lock',
    contextValue: node.parent.parent.readOnly ? 'protectionRule.readOnly' : 'protectionRule',
    collapsible: false,
  };
}
