export { SurveyAnswer, SURVEY_CRITERIA, type SurveyCriterion } from './survey-answer.js';
export { getSurveyState, submitSurvey } from './submit-survey.js';
export { surveyResults, SurveyResultsQuery } from './survey-results.js';
