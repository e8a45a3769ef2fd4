/** Design-strength grade (EVALUATION.md §4.6) and the wording it allows. */
export {
  gradeDesign,
  attributionVerb,
  describeEffect,
  LEVEL_LABELS,
  type DesignGrade,
  type DesignLevel,
  type GradeInput,
} from './grade.ts';
