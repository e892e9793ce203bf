/** What GET /api/staff/review returns (see src/http/staff/staff-review-routes.ts). */
export interface AskedQuestion {
  question: string;
  count: number;
  lastAsked: string;
  answerId: string;
  mode: string;
  abstained: boolean;
  degradedReason: string | null;
  citations: { id: string; section: string }[];
}

export interface Quote {
  paragraphId: string;
  start: number;
  end: number;
  text: string;
}

export interface ReviewData {
  user: string;
  declined: { count: number; questions: AskedQuestion[] }[];
  disliked: (AskedQuestion & { reasons: string[]; downs: number })[];
  week: AskedQuestion[];
  dashboard: {
    perDay: { day: string; answered: number; declined: number }[];
    answered: number;
    declined: number;
    ratedDown: number;
    ratedUp: number;
  };
  approved: {
    id: string;
    question: string;
    framing: string;
    quotes: Quote[];
    author: string;
    createdAt: string;
    status: string;
    withdrawnReason: string | null;
  }[];
  referrals: { id: string; question: string; office: string; phone: string; author: string; createdAt: string }[];
  proposals: { id: string; reportTerm: string; citizenWord: string; status: string; author: string }[];
}
