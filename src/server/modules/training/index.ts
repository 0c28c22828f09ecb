/** Public surface of the training module (培训): other modules and the seed import from here only. */
export { trainingRoutes } from './training.routes.js';
export { finishEndedClasses, finishEndedClassesTask, TRAINING_FINISH_TASK } from './training.outcomes.js';
export { classesCovering, completedEnrolmentsOf, type CompletedEnrolment } from './training.records.js';
export { seedTraining } from './training.seed.js';
export { trainingClasses, trainingEnrolments, trainingSessions, type TrainingClassRow } from './training.tables.js';
