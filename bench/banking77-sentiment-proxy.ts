/**
 * A sentiment proxy for Banking77 (which has intents, not sentiment): an intent whose name reports
 * something gone wrong (declined, not received, not recognised, charged twice, stolen…) stands for a
 * factual complaint, gold "negative"; an intent that asks how to do something (order a card, change a
 * PIN, which currencies…) stands for a neutral question, gold "neutral". The 29 other intents (pending_*,
 * card_arrival, fees, refunds requested, cancellations…) are ambiguous and left out.
 *
 * The two lists were written from the intent names alone (label_counts.csv), before any text was
 * scored. What they measure is the "factual complaints are negative even without an opinion
 * word" on real customer messages; a text-level gold would be better, and none is in ../shared/data.
 */
export const PROBLEM_INTENTS: ReadonlySet<string> = new Set([
  'direct_debit_payment_not_recognised', 'balance_not_updated_after_cheque_or_cash_deposit', 'wrong_amount_of_cash_received',
  'transaction_charged_twice', 'declined_cash_withdrawal', 'transfer_not_received_by_recipient', 'balance_not_updated_after_bank_transfer',
  'card_payment_not_recognised', 'card_payment_wrong_exchange_rate', 'extra_charge_on_statement', 'wrong_exchange_rate_for_cash_withdrawal',
  'Refund_not_showing_up', 'reverted_card_payment?', 'cash_withdrawal_not_recognised', 'declined_card_payment', 'top_up_reverted',
  'top_up_failed', 'failed_transfer', 'declined_transfer', 'card_not_working', 'pin_blocked', 'unable_to_verify_identity',
  'compromised_card', 'lost_or_stolen_card', 'lost_or_stolen_phone', 'card_swallowed', 'virtual_card_not_working', 'contactless_not_working',
]);

export const INFO_INTENTS: ReadonlySet<string> = new Set([
  'visa_or_mastercard', 'supported_cards_and_currencies', 'getting_spare_card', 'country_support', 'automatic_top_up',
  'fiat_currency_support', 'apple_pay_or_google_pay', 'change_pin', 'edit_personal_details', 'why_verify_identity',
  'disposable_card_limits', 'order_physical_card', 'exchange_via_app', 'top_up_by_cash_or_cheque', 'transfer_into_account',
  'exchange_rate', 'card_delivery_estimate', 'age_limit', 'get_physical_card', 'verify_my_identity', 'topping_up_by_card',
  'getting_virtual_card', 'top_up_limits', 'get_disposable_virtual_card', 'receiving_money', 'atm_support', 'card_acceptance',
  'activate_my_card', 'card_linking', 'transfer_timing',
]);

/** Proxy gold of an intent, or undefined when the intent is ambiguous. */
export function proxySentiment(intent: string): 'negative' | 'neutral' | undefined {
  return PROBLEM_INTENTS.has(intent) ? 'negative' : INFO_INTENTS.has(intent) ? 'neutral' : undefined;
}
