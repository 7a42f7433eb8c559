export { fastTrackRefusal, previewHold, requestCutoffHold, utilityOf } from "./hold";
export { planJointMeeting, proposeJointMeeting, type JointMeetingPlan } from "./joint-meeting";
