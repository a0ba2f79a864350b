import { Editor } from '@/components/editor/Editor';
import { EditorProvider } from '@/components/editor/EditorProvider';

/** The designer. Everything below is client-side: designs live in this browser only. */
export default function Page() {
  return (
    <EditorProvider>
      <Editor />
    </EditorProvider>
  );
}
