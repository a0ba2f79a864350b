import Head from 'next/head';
import { Editor } from '@/components/editor/Editor';
import { EditorProvider } from '@/components/editor/EditorProvider';
import { APP_DESCRIPTION, APP_NAME } from '@/components/theme/meta';

/**
 * The designer. Everything below is client-side: designs live in this browser only.
 *
 * This route uses the Pages Router on purpose: the editor is a client-only single page with no
 * server components, and the App Router's client runtime (RSC client, segment cache, router
 * reducers) costs ~22 KB gzip more on first load, which the ≤ 200 KB budget (DESIGN §7) cannot
 * carry next to React Flow. Other routes stay in app/.
 */
export default function EditorPage() {
  return (
    <>
      <Head>
        <title>{APP_NAME}</title>
        <meta name="description" content={APP_DESCRIPTION} />
      </Head>
      <EditorProvider>
        <Editor />
      </EditorProvider>
    </>
  );
}
