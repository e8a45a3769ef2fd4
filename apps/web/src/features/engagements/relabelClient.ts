/** The relabel calls of a record kind, for the shared "Change classification" panel (RelabelPanel). */
import {
  ROUTES,
  RelabelOutcome,
  RelabelRequestList,
  RelabelRequestView,
  type LabelInput,
  type RelabelRequestView as RequestView,
} from '@entente/contracts';
import { api, pathOf } from '../../lib/api';

type Outcome = RelabelOutcome;
type List = RelabelRequestList;

/** The calls the panel makes (injected in tests). */
export type RelabelClient = {
  list(id: string): Promise<List>;
  relabel(id: string, body: { version: number; label: LabelInput; reason: string }): Promise<Outcome>;
  approve(id: string, requestId: string, note?: string): Promise<Outcome>;
  reject(id: string, requestId: string, note?: string): Promise<RequestView>;
  withdraw(id: string, requestId: string): Promise<RequestView>;
};

const noteBody = (note?: string) => (note?.trim() ? { note: note.trim() } : {});

/** The five relabel routes of one kind of record (contract route templates with `:id` and `:requestId`). */
export type RelabelRoutes = {
  relabel: string;
  requests: string;
  approve: string;
  reject: string;
  withdraw: string;
};

/** The relabel client of any kind of record that has the relabel routes (engagements, agreements). */
export function relabelClientFor(r: RelabelRoutes): RelabelClient {
  return {
    list: async (id) => (await api.get(pathOf(r.requests, { id }), RelabelRequestList)).data,
    relabel: async (id, body) => (await api.post(pathOf(r.relabel, { id }), RelabelOutcome, body)).data,
    approve: async (id, requestId, note) =>
      (await api.post(pathOf(r.approve, { id, requestId }), RelabelOutcome, noteBody(note))).data,
    reject: async (id, requestId, note) =>
      (await api.post(pathOf(r.reject, { id, requestId }), RelabelRequestView, noteBody(note))).data,
    withdraw: async (id, requestId) =>
      (await api.post(pathOf(r.withdraw, { id, requestId }), RelabelRequestView, {})).data,
  };
}

/** The engagement relabel endpoints. */
export const engagementRelabelClient = relabelClientFor({
  relabel: ROUTES.engagementRelabel,
  requests: ROUTES.engagementRelabelRequests,
  approve: ROUTES.engagementRelabelApprove,
  reject: ROUTES.engagementRelabelReject,
  withdraw: ROUTES.engagementRelabelWithdraw,
});

/** The agreement relabel endpoints. */
export const agreementRelabelClient = relabelClientFor({
  relabel: ROUTES.agreementRelabel,
  requests: ROUTES.agreementRelabelRequests,
  approve: ROUTES.agreementRelabelApprove,
  reject: ROUTES.agreementRelabelReject,
  withdraw: ROUTES.agreementRelabelWithdraw,
});
