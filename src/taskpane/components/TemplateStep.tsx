/** 模板: blank templates to fill (ledger, application, summary, registry, score sheet), per outlet category. */
import { Button, Dropdown, Field, Option } from "@fluentui/react-components";
import { useState } from "react";
import { CATEGORIES, CATEGORY_SHORT_LABELS } from "../../core/codes";
import { useI18n, type MessageKey } from "../i18n";
import { hasCategory, TEMPLATE_CHOICES, type TemplateChoice } from "../session";

const KIND_LABELS: Record<TemplateChoice, MessageKey> = {
  ledger: "tplLedger",
  application: "tplApplication",
  annualSummary: "tplSummary",
  registry: "tplRegistry",
  scoring: "tplScoring",
};

const ANY = "";

export interface TemplateStepProps {
  busy: boolean;
  onMake: (kind: TemplateChoice, category: string | undefined) => void;
}

export function TemplateStep(props: TemplateStepProps) {
  const { t } = useI18n();
  const [kind, setKind] = useState<TemplateChoice>("ledger");
  const [category, setCategory] = useState<string>(ANY);
  const categoryLabel = (c: string) =>
    c === ANY ? t("anyCategory") : CATEGORY_SHORT_LABELS[c as keyof typeof CATEGORY_SHORT_LABELS];
  return (
    <section className="step" aria-labelledby="step-template-title">
      <h2 id="step-template-title" className="step-title">
        {t("stepTemplate")}
      </h2>
      <Field label={t("templateKind")}>
        <Dropdown
          value={t(KIND_LABELS[kind])}
          selectedOptions={[kind]}
          onOptionSelect={(_, data) => data.optionValue && setKind(data.optionValue as TemplateChoice)}
        >
          {TEMPLATE_CHOICES.map((k) => (
            <Option key={k} value={k}>
              {t(KIND_LABELS[k])}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t("category")} hint={hasCategory(kind) ? undefined : t("categoryNotApplicable")}>
        <Dropdown
          disabled={!hasCategory(kind)}
          value={categoryLabel(category)}
          selectedOptions={[category]}
          onOptionSelect={(_, data) => setCategory(data.optionValue ?? ANY)}
        >
          {[ANY, ...CATEGORIES].map((c) => (
            <Option key={c || "any"} value={c} text={categoryLabel(c)}>
              {categoryLabel(c)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className="actions">
        <Button
          appearance="primary"
          disabled={props.busy}
          onClick={() => props.onMake(kind, hasCategory(kind) && category !== ANY ? category : undefined)}
        >
          {t("makeTemplate")}
        </Button>
      </div>
    </section>
  );
}
