import type { EvalDocument } from './eval-types.ts';

/** English support documents of a fictional shop and cloud service ("Lumen"). */
export const englishDocuments: readonly EvalDocument[] = [
  {
    title: 'Refund policy',
    sections: [
      [
        'Eligibility',
        'Unused items can be returned within 30 days of delivery for a full refund. Opened software licenses cannot be refunded.',
      ],
      [
        'Timing',
        'Refunds are paid back to the original payment method within 5 business days after the returned item reaches our warehouse.',
      ],
      [
        'Store credit',
        'If you prefer, we issue store credit worth 110% of the purchase price instead of a refund.',
      ],
    ],
  },
  {
    title: 'Shipping options',
    sections: [
      [
        'Standard shipping',
        'Standard shipping takes 3 to 7 business days and is free for orders above 50 euros.',
      ],
      [
        'Express shipping',
        'Express shipping delivers the next business day when ordered before 2 pm; it costs 12 euros.',
      ],
      [
        'International',
        'We ship to 40 countries. Customs duties outside the EU are paid by the recipient on delivery.',
      ],
    ],
  },
  {
    title: 'Account security',
    sections: [
      [
        'Passwords',
        'Passwords must have at least 12 characters. After 5 failed sign-in attempts the account is locked for 15 minutes.',
      ],
      [
        'Two-factor authentication',
        'Enable two-factor authentication in Settings > Security with any TOTP authenticator app; recovery codes are shown once.',
      ],
      [
        'Lost access',
        'If you lose your phone, use a recovery code or contact support with a photo ID to reset two-factor authentication.',
      ],
    ],
  },
  {
    title: 'Billing and invoices',
    sections: [
      [
        'Invoices',
        'Invoices are emailed on the first day of each month and can be downloaded as PDF from the Billing page.',
      ],
      ['Payment methods', 'We accept Visa, Mastercard, American Express, SEPA direct debit and PayPal.'],
      [
        'Failed payments',
        'When a payment fails we retry three times over 10 days before the subscription is paused.',
      ],
    ],
  },
  {
    title: 'Subscription plans',
    sections: [
      ['Free plan', 'The Free plan includes 3 projects, 1 GB of storage and community support.'],
      [
        'Pro plan',
        'The Pro plan costs 29 dollars per month and includes unlimited projects, 100 GB of storage and email support within 24 hours.',
      ],
      [
        'Cancelling',
        'You can cancel at any time; the plan stays active until the end of the paid period and is not prorated.',
      ],
    ],
  },
  {
    title: 'API rate limits',
    sections: [
      [
        'Limits',
        'Each API key may send 600 requests per minute; bursts above that receive HTTP 429 with a Retry-After header.',
      ],
      [
        'Raising limits',
        'Enterprise customers can request higher rate limits through their account manager.',
      ],
      [
        'Best practice',
        'Use exponential backoff and cache responses that rarely change, such as the product catalog.',
      ],
    ],
  },
  {
    title: 'Data retention',
    sections: [
      ['Logs', 'Request logs are kept for 30 days and then deleted automatically.'],
      ['Backups', 'Database backups are taken every 6 hours and retained for 14 days in a second region.'],
      [
        'Account deletion',
        'When you delete your account, all personal data is erased within 72 hours, except invoices we must keep for tax law.',
      ],
    ],
  },
  {
    title: 'Warranty',
    sections: [
      ['Coverage', 'All Lumen hardware carries a two-year warranty against manufacturing defects.'],
      [
        'Claims',
        'To file a warranty claim, send the serial number and proof of purchase to warranty@lumen.example.',
      ],
      ['Exclusions', 'Water damage and cracked screens are not covered by the warranty.'],
    ],
  },
  {
    title: 'Team management',
    sections: [
      [
        'Inviting members',
        'Owners and admins can invite team members by email from the Team page; invitations expire after 7 days.',
      ],
      [
        'Roles',
        'There are three roles: owner, admin and member. Only the owner can delete the workspace or change billing.',
      ],
      ['Seats', 'Each member uses one seat; removing a member frees the seat at the next billing cycle.'],
    ],
  },
  {
    title: 'Webhooks',
    sections: [
      ['Setup', 'Register a webhook URL under Developers > Webhooks and choose the events to receive.'],
      [
        'Signatures',
        'Every webhook request carries an HMAC-SHA256 signature in the Lumen-Signature header; verify it with your signing secret.',
      ],
      ['Retries', 'Failed deliveries are retried with exponential backoff for up to 24 hours.'],
    ],
  },
  {
    title: 'Store pickup',
    sections: [
      [
        'Click and collect',
        'Orders marked for pickup are ready at the chosen store within 2 hours during opening times.',
      ],
      ['Holding period', 'Pickup orders are held for 7 days; after that they are cancelled and refunded.'],
      ['Identification', 'Bring the order confirmation and a photo ID when collecting.'],
    ],
  },
  {
    title: 'Gift cards',
    sections: [
      ['Validity', 'Gift cards are valid for three years from the date of purchase.'],
      [
        'Balance',
        'Check the remaining balance of a gift card on the Gift cards page by entering its 16-digit code.',
      ],
      ['Restrictions', 'Gift cards cannot be exchanged for cash or used to buy other gift cards.'],
    ],
  },
];
