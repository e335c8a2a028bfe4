// The rule-in-words helpers live in components/ (an app's APIs tab shows its quota's rule too).
export { groupThousands, quotaRule, type Translate } from '../../components/ruleText';
