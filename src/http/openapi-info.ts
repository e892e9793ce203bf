/** The top of the OpenAPI document: the API is public (no security scheme) and served from the document's origin. */
export const OPENAPI_INFO = {
  openapi: '3.1.0',
  info: {
    title: 'Shishi 2023 rule-of-law report Q&A',
    version: '0.1.0',
    description:
      'Answers from 《石狮市人民政府关于2023年度法治政府建设情况的报告》 with verbatim citations. ' + 'Errors are `Error` bodies.',
  },
  servers: [{ url: '/', description: 'The deployment that serves this document' }],
  security: [],
};
