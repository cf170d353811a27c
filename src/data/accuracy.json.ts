// Accuracy of the stance tagger and the actor finder on the gold files (Method page).
import { emitJson } from "../../loaders/emit.ts";
import { accuracyReport } from "../../loaders/accuracy.ts";

emitJson(() => accuracyReport());
