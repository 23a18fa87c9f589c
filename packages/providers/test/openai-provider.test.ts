import { describeOpenAiShapedProvider } from './openai-shaped-provider.case.ts';

describeOpenAiShapedProvider({
  provider: 'openai',
  environment: (baseUrl, key) => ({ OPENAI_BASE_URL: baseUrl, OPENAI_API_KEY: key }),
  setupVariable: 'OPENAI_API_KEY',
  openAiEmbeddings: true,
});
