'use client';

import { useId, useState, type FormEvent } from 'react';
import { Button, Dialog, FieldError, inputClass } from '@/components/ui';
import type { KeyedFinding } from '@/components/validation/model';
import { LIMITS } from '@/lib/model';
import { suppressFinding, type ProblemStores } from './actions';

export interface SuppressDialogProps {
  open: boolean;
  stores: ProblemStores;
  finding: KeyedFinding;
  ruleTitle: string;
  targetName: string;
  onClose(): void;
}

/** Asks why a finding is acceptable here; the reason is required and stored with the design. */
export function SuppressDialog(props: SuppressDialogProps) {
  // Mounted only while open, so every opening starts with an empty reason.
  return props.open ? <SuppressForm {...props} /> : null;
}

function SuppressForm({ stores, finding, ruleTitle, targetName, onClose }: SuppressDialogProps) {
  const id = useId();
  const formId = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError('Write why this is acceptable here: the reason is kept in the design and becomes an ADR.');
      return;
    }
    const problem = suppressFinding(stores, finding, reason);
    if (problem) {
      setError(problem);
      return;
    }
    stores.ui.getState().notify('success', `Suppressed “${ruleTitle}” on ${targetName} (undo with Ctrl+Z).`);
    onClose();
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title="Suppress with a reason"
      description={
        <>
          Hide “{ruleTitle}” on <strong className="font-medium text-neutral-800 dark:text-neutral-200">{targetName}</strong>. Other elements keep being checked.
        </>
      }
      size="md"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId}>
            Suppress
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate>
        <label htmlFor={id} className="mb-1 block text-xs font-medium text-neutral-600 dark:text-neutral-300">
          Reason (required)
        </label>
        <textarea
          id={id}
          data-autofocus
          required
          rows={4}
          value={reason}
          maxLength={LIMITS.textLength}
          placeholder="e.g. Reporting reads a replica of the orders database; accepted until the reporting service consumes order events (ADR-12)."
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-msg` : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            if (error) setError(null);
          }}
          onKeyDown={(e) => {
            // Ctrl/⌘+Enter submits from the text area.
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit(e);
          }}
          className={`${inputClass} resize-y`}
        />
        {error && <FieldError id={`${id}-msg`}>{error}</FieldError>}
        <p className="mt-2 text-xs text-neutral-500 dark:text-neutral-400">Suppressed findings stay listed under “Suppressed” in the Problems panel, where they can be lifted again.</p>
      </form>
    </Dialog>
  );
}
