## General
error-unavailable = We can't reach our database right now. Nothing you have entered is lost; please try again in a few minutes.
error-unexpected = Sorry, something went wrong. Your information is safe; please try again.
error-not-allowed = You are not allowed to do that.
error-not-found = This item was not found or is not available to you.
button-back = « Back
button-cancel = ✖ Cancel
button-skip = Skip
button-done = ✔ Done
button-confirm = ✔ Confirm
button-edit = ✏ Edit
button-next = Next »
button-previous = « Previous
cancel-done = Cancelled. Start again from the menu whenever you like.
cancel-nothing = There is nothing in progress to cancel.
expected-button = Please choose one of the options with the buttons.

## Start and menu
start-welcome =
    Hello { $name }!
    This is the bot of the secretariat of the working group for removing obstacles to production. If your production unit faces a utility cut-off warning (electricity, gas, water), an overdue loan, a stuck permit or inquiry, or any other obstacle, report it here before it becomes irreversible: your case reaches the working group's secretariat with a tracking code and we tell you about every step.
    To begin, register your production unit.
start-welcome-back = Welcome back, { $name }.
start-flow-in-progress = You have something in progress; everything you entered is kept. Continue where you were, or /cancel.
help-text =
    Help:
    /report — report a problem
    /cases — my cases
    /register — register a production unit
    /language — change language
    /cancel — cancel what is in progress
    At every step the "Back" button returns to the previous one.
menu-title = Main menu:
menu-report = 📝 Report a problem
menu-my-cases = 📂 My cases
menu-register-unit = 🏭 Register a production unit
menu-language = 🌐 زبان / Language
language-choose = زبان را انتخاب کنید / Choose your language:
language-changed = Language set to English.
