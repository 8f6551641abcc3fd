// Replaced by the Word add-in build (issue 6).
console.log('Word-tilføjelsesprogrammet bygges ikke endnu.');
