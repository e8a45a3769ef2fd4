/** Engagement states and allowed transitions (DOMAIN.md §2.3). */
export const ENGAGEMENT_STATUSES = ['draft', 'proposed', 'approved', 'ongoing', 'completed', 'closed', 'postponed', 'cancelled', 'suspended'] as const;
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number];

export const ENGAGEMENT_TRANSITIONS: Readonly<Record<EngagementStatus, readonly EngagementStatus[]>> = {
  draft: ['proposed', 'cancelled'],
  proposed: ['approved', 'postponed', 'cancelled'],
  approved: ['ongoing', 'postponed', 'cancelled'],
  ongoing: ['completed', 'suspended'],
  completed: ['closed'],
  closed: ['completed'],
  postponed: ['proposed', 'cancelled'],
  cancelled: [],
  suspended: ['ongoing', 'cancelled'],
};

/** True when `from → to` is listed in DOMAIN.md. */
export function canTransition(from: EngagementStatus, to: EngagementStatus): boolean {
  return ENGAGEMENT_TRANSITIONS[from].includes(to);
}
